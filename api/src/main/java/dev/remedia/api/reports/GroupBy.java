package dev.remedia.api.reports;

import dev.remedia.activities.store.SlaFacts.IncidentFact;
import dev.remedia.activities.store.SlaFacts.PageFact;
import dev.remedia.activities.store.SlaFacts.RunFact;
import java.util.Locale;
import java.util.Set;

/**
 * How the SLA report groups what it counts. A missing service label is {@code unknown}; a missing
 * runbook, route or person is {@code none}.
 */
enum GroupBy {
  /** The {@code service} label of the incident's first alert that has one. */
  SERVICE,
  /** The runbook the incident's route starts, a run's own runbook, a runbook's own page's runbook. */
  RUNBOOK,
  /** The route of the operator configuration the incident matched. */
  ROUTE,
  /**
   * Who acknowledged or resolved an incident (a settlement by the monitor counts as {@code monitor}),
   * and who was paged. Runs name no person and count in the total only.
   */
  PERSON;

  static final String UNKNOWN = "unknown";
  static final String NONE = "none";

  /**
   * How an incident is settled without a person: {@code monitor} when every alert resolved, and
   * {@code runbook}, kept for runbooks that settle their incident (none does yet).
   */
  private static final Set<String> AUTOMATIC_VIAS = Set.of("monitor", "runbook");

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static boolean automatic(String via) {
    return via != null && AUTOMATIC_VIAS.contains(via);
  }

  /** Who settled something as the person grouping names them: the way itself when no person did. */
  static String settler(String by, String via) {
    return automatic(via) ? via : orNone(by);
  }

  /** The group of an incident; not for {@link #PERSON}, where an incident has a group per settler. */
  String keyOf(IncidentFact incident) {
    return switch (this) {
      case SERVICE -> orUnknown(incident.service());
      case RUNBOOK -> orNone(incident.runbook());
      case ROUTE -> orNone(incident.route());
      case PERSON -> throw new IllegalStateException("an incident is grouped by each person who settled it");
    };
  }

  String keyOf(PageFact page) {
    return switch (this) {
      case SERVICE -> orUnknown(page.incidentService());
      case RUNBOOK -> orNone(page.incidentRunbook() != null ? page.incidentRunbook() : page.runRunbook());
      case ROUTE -> orNone(page.incidentRoute());
      case PERSON -> orNone(page.person());
    };
  }

  /** The group of a run; null for {@link #PERSON}, which runs are not grouped by. */
  String keyOf(RunFact run) {
    return switch (this) {
      case SERVICE -> orUnknown(run.incidentService());
      case RUNBOOK -> run.runbook();
      case ROUTE -> orNone(run.incidentRoute());
      case PERSON -> null;
    };
  }

  private static String orUnknown(String value) {
    return value == null ? UNKNOWN : value;
  }

  private static String orNone(String value) {
    return value == null ? NONE : value;
  }
}

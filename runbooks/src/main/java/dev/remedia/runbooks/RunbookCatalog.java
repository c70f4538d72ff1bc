package dev.remedia.runbooks;

import dev.remedia.runbooks.certrenewal.CertRenewalRunbookImpl;
import dev.remedia.runbooks.changeapproval.ChangeApprovalRunbookImpl;
import dev.remedia.runbooks.httpcheck.HttpCheckRunbookImpl;
import dev.remedia.workflows.runbook.RunbookDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Every runbook Remedia ships. The worker registers each implementation and the API lists each
 * definition, so adding a runbook means adding its package here and one line to {@link #ALL}.
 */
public final class RunbookCatalog {

  private static final List<RunbookDefinition> ALL =
      List.of(
          HttpCheckRunbookImpl.DEFINITION,
          ChangeApprovalRunbookImpl.DEFINITION,
          CertRenewalRunbookImpl.DEFINITION);

  private RunbookCatalog() {}

  public static List<RunbookDefinition> all() {
    return ALL;
  }

  public static Optional<RunbookDefinition> find(String name) {
    return ALL.stream().filter(definition -> definition.name().equals(name)).findFirst();
  }
}

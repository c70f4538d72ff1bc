package dev.remedia.api.logging;

import dev.remedia.runbooks.RunbookCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ids a log line carries (in the MDC, so JSON logs have them as fields), and how they are read
 * from a workflow id. Workflow ids name what the work is for: {@code approval/<id>}, {@code
 * escalation/<incident id>[.<opening>]}, {@code escalation/<run id>.page-<uuid>}, {@code
 * escalation/approval-<id>}, and a run is a runbook workflow whose id is the run id. An incident's own
 * workflow ({@code incident/<source>/<key>}) does not hold its incident id. Temporal adds keys of its
 * own to activities' lines, capitalised: {@code WorkflowId}, {@code RunId} (the execution's, not a
 * Remedia run), {@code ActivityType}, {@code Attempt} and more.
 */
public final class LogContext {

  public static final String INCIDENT_ID = "incidentId";
  public static final String RUN_ID = "runId";
  public static final String APPROVAL_ID = "approvalId";
  public static final String PAGE_ID = "pageId";
  public static final String ALERT_ID = "alertId";

  /** No control characters, which could end a plain line and forge the next; ids can hold dedupe keys. */
  private static final Pattern ID = Pattern.compile("\\P{Cntrl}{1,300}");
  private static final String ESCALATION = "escalation/";
  private static final String APPROVAL = "approval/";
  private static final String RUN_PAGING = ".page-";
  private static final String APPROVAL_PAGING = "approval-";

  private LogContext() {}

  /** The incident, run or approval a workflow's work is for, when its id says. */
  static Map<String, String> ofWorkflow(String workflowType, String workflowId) {
    Map<String, String> ids = new LinkedHashMap<>();
    if (RunbookCatalog.find(workflowType).isPresent()) {
      put(ids, RUN_ID, workflowId);
    } else if (workflowId.startsWith(APPROVAL)) {
      put(ids, APPROVAL_ID, workflowId.substring(APPROVAL.length()));
    } else if (workflowId.startsWith(ESCALATION)) {
      String subject = workflowId.substring(ESCALATION.length());
      if (subject.startsWith(APPROVAL_PAGING)) {
        put(ids, APPROVAL_ID, subject.substring(APPROVAL_PAGING.length()));
      } else if (subject.contains(RUN_PAGING)) {
        put(ids, RUN_ID, subject.substring(0, subject.indexOf(RUN_PAGING)));
      } else {
        int opening = subject.indexOf('.');
        put(ids, INCIDENT_ID, opening < 0 ? subject : subject.substring(0, opening));
      }
    }
    return ids;
  }

  /** Adds an id when it looks like one, so that a value from outside cannot forge a log line. */
  static void put(Map<String, String> ids, String key, String value) {
    if (value != null && ID.matcher(value).matches()) {
      ids.put(key, value);
    }
  }
}

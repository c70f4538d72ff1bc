package dev.remedia.api.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which ids the work of each kind of workflow logs with. */
class LogContextTest {

  private static final String INCIDENT = "3f0c2a8e-1b7d-4c1e-9a55-0d1f2b3c4d5e";
  private static final String RUN = "http-check-5f0c8a8e-4a4e-4c4f-9f1e-0d1f2b3c4d5e";
  private static final String APPROVAL = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

  @Test
  void aRunbooksActivitiesCarryTheRunId() {
    assertEquals(Map.of("runId", RUN), LogContext.ofWorkflow("http-check", RUN));
  }

  @Test
  void anEscalationsActivitiesCarryWhatItPagesAbout() {
    assertEquals(
        Map.of("incidentId", INCIDENT),
        LogContext.ofWorkflow("escalation", "escalation/" + INCIDENT));
    assertEquals(
        Map.of("incidentId", INCIDENT),
        LogContext.ofWorkflow("escalation", "escalation/" + INCIDENT + ".2"));
    assertEquals(
        Map.of("runId", RUN),
        LogContext.ofWorkflow("escalation", "escalation/" + RUN + ".page-" + APPROVAL));
    assertEquals(
        Map.of("approvalId", APPROVAL),
        LogContext.ofWorkflow("escalation", "escalation/approval-" + APPROVAL));
  }

  @Test
  void anApprovalGatesActivitiesCarryTheApprovalIdAndAnIncidentsNothingMore() {
    assertEquals(
        Map.of("approvalId", APPROVAL),
        LogContext.ofWorkflow("approval", "approval/" + APPROVAL));
    assertEquals(Map.of(), LogContext.ofWorkflow("incident", "incident/events/disk/nas-1"));
  }

  @Test
  void aValueThatCouldForgeALogLineIsLeftOut() {
    assertEquals(Map.of(), LogContext.ofWorkflow("escalation", "escalation/x\nERROR forged"));
  }
}

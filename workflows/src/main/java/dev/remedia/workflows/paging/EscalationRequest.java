package dev.remedia.workflows.paging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Asks for a policy to page about a subject until someone acknowledges it.
 *
 * @param subjectId the incident id, or for a runbook paging by itself its run id; names the escalation
 * @param incidentId the incident being paged for, or null when a runbook pages without one
 * @param incidentWorkflowId the incident's workflow, told when a page is acknowledged; null without one
 * @param runId the run that asked for paging, or null
 * @param link where a person reads more (the incident in the API), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EscalationRequest(
    String subjectId,
    String incidentId,
    String incidentWorkflowId,
    String runId,
    String policy,
    String summary,
    String severity,
    String link) {}

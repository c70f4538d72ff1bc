package dev.remedia.workflows.paging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One page to send. {@code pageId} is chosen by the workflow and is the idempotency key: a retried
 * send with the same id never reaches the person twice.
 *
 * @param round which pass over the levels (0 for the first)
 * @param level the level's index, or -1 for the fallback
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageRequest(
    String pageId,
    String escalationId,
    String incidentId,
    int round,
    int level,
    String person,
    Contact contact,
    String summary,
    String severity,
    String link,
    String replyCode) {}

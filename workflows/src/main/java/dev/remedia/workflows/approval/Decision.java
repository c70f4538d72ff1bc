package dev.remedia.workflows.approval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A vote the gate took.
 *
 * @param person the approver, as named in the operator configuration
 * @param via how they voted: {@code slack} or {@code api}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Decision(String person, Vote vote, String reason, String via, long atMillis) {}

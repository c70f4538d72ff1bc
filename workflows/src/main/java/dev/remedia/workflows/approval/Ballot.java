package dev.remedia.workflows.approval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A vote on its way to a gate, the argument of the {@code decide} update.
 *
 * @param person who votes, as named in the operator configuration (a Slack user is mapped first)
 * @param reason why; required to reject
 * @param via {@code slack} or {@code api}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ballot(String person, Vote vote, String reason, String via) {}

package dev.remedia.workflows.paging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How an escalation ended.
 *
 * @param settlement who acknowledged or resolved, or null when the policy ran out
 * @param pagesSent how many pages were handed to a channel
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EscalationResult(Settlement settlement, int pagesSent) {}

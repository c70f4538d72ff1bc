package dev.remedia.workflows.paging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One level of an escalation policy.
 *
 * @param channels the channels to try for each person, in order: when one fails or the number opted
 *     out, the next is used at once
 * @param delaySeconds how long the level waits for an acknowledgement before the next level fires
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EscalationLevel(List<PageTarget> targets, List<PageChannel> channels, long delaySeconds) {}

package dev.remedia.workflows.approval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.util.List;

/**
 * What a runbook asks people to approve. Start with {@link #of} and add what applies:
 *
 * <pre>{@code
 * ApprovalRequest.of("Roll firmware 4.2 to wave 2", "Flash 4.2.0 on 1,200 gateways", "wave 1 is healthy", "fleet-leads")
 *     .withBlastRadius(new BlastRadius(1200, "gateways", firstTargets))
 *     .needing(2)
 *     .escalatingAfter(Duration.ofHours(4), "fleet-managers", "fleet-critical", Duration.ofHours(20));
 * }</pre>
 *
 * @param title one line naming the step
 * @param action what will happen when approved
 * @param reason why the runbook wants to do it
 * @param links where approvers read more
 * @param approvers the approver group, from the operator configuration
 * @param required how many approvals go ahead (N of the group's M); one rejection is enough to stop
 * @param deadlineSeconds how long the group has
 * @param onDeadline expire at the deadline, or escalate and wait {@code extensionSeconds} more
 * @param escalateTo another approver group asked at the deadline, or null
 * @param pagePolicy an escalation policy paged at the deadline, or null
 * @param requester the person on whose behalf the runbook asks, who may not approve; null for none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApprovalRequest(
    String title,
    String action,
    String reason,
    BlastRadius blastRadius,
    List<String> links,
    String approvers,
    int required,
    long deadlineSeconds,
    DeadlineAction onDeadline,
    String escalateTo,
    String pagePolicy,
    long extensionSeconds,
    String requester) {

  /** Without a deadline given, a day: long enough to reach someone, short enough not to be forgotten. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofDays(1);

  /**
   * The longest deadline or extension: a gate nobody decides in a year is forgotten, and a bound keeps
   * the workflow's {@code seconds * 1000} from overflowing into a deadline already past.
   */
  public static final Duration MAX_WAIT = Duration.ofDays(365);

  public ApprovalRequest {
    require(title, "title");
    require(action, "action");
    require(approvers, "approvers");
    links = links == null ? List.of() : List.copyOf(links);
    if (required < 1) {
      throw new IllegalArgumentException("required must be at least 1");
    }
    if (deadlineSeconds < 1 || deadlineSeconds > MAX_WAIT.toSeconds()) {
      throw new IllegalArgumentException("deadlineSeconds must be from 1 to " + MAX_WAIT.toSeconds());
    }
    if (onDeadline == DeadlineAction.ESCALATE) {
      if (escalateTo == null && pagePolicy == null) {
        throw new IllegalArgumentException("escalating needs another approver group, a paging policy, or both");
      }
      if (extensionSeconds < 1 || extensionSeconds > MAX_WAIT.toSeconds()) {
        throw new IllegalArgumentException(
            "escalating needs extensionSeconds from 1 to " + MAX_WAIT.toSeconds());
      }
    }
  }

  /** A request to one group, needing one approval within {@link #DEFAULT_DEADLINE}, rejected after it. */
  public static ApprovalRequest of(String title, String action, String reason, String approvers) {
    return new ApprovalRequest(
        title, action, reason, null, List.of(), approvers, 1, DEFAULT_DEADLINE.toSeconds(),
        DeadlineAction.REJECT, null, null, 0, null);
  }

  public ApprovalRequest withBlastRadius(BlastRadius radius) {
    return new ApprovalRequest(
        title, action, reason, radius, links, approvers, required, deadlineSeconds, onDeadline,
        escalateTo, pagePolicy, extensionSeconds, requester);
  }

  public ApprovalRequest withLinks(List<String> moreLinks) {
    return new ApprovalRequest(
        title, action, reason, blastRadius, moreLinks, approvers, required, deadlineSeconds, onDeadline,
        escalateTo, pagePolicy, extensionSeconds, requester);
  }

  /** N of M: how many approvals go ahead. */
  public ApprovalRequest needing(int approvals) {
    return new ApprovalRequest(
        title, action, reason, blastRadius, links, approvers, approvals, deadlineSeconds, onDeadline,
        escalateTo, pagePolicy, extensionSeconds, requester);
  }

  public ApprovalRequest requestedBy(String person) {
    return new ApprovalRequest(
        title, action, reason, blastRadius, links, approvers, required, deadlineSeconds, onDeadline,
        escalateTo, pagePolicy, extensionSeconds, person);
  }

  /** Expires when nobody decided within {@code deadline}. */
  public ApprovalRequest expiringAfter(Duration deadline) {
    return new ApprovalRequest(
        title, action, reason, blastRadius, links, approvers, required, deadline.toSeconds(),
        DeadlineAction.REJECT, null, null, 0, requester);
  }

  /**
   * At {@code deadline}, also asks {@code group} and pages {@code policy} (either may be null), then
   * waits {@code extension} more before expiring.
   */
  public ApprovalRequest escalatingAfter(Duration deadline, String group, String policy, Duration extension) {
    return new ApprovalRequest(
        title, action, reason, blastRadius, links, approvers, required, deadline.toSeconds(),
        DeadlineAction.ESCALATE, group, policy, extension.toSeconds(), requester);
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
  }
}

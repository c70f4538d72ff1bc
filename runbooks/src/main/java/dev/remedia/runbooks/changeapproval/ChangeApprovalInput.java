package dev.remedia.runbooks.changeapproval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.remedia.workflows.approval.ApprovalRequest;
import dev.remedia.workflows.runbook.InputChecks;
import dev.remedia.workflows.runbook.InputField;
import java.time.Duration;
import java.util.List;

/** Input of {@code change-approval}; the constructor rejects what cannot work and fills the defaults. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangeApprovalInput(
    @InputField(description = "One line naming the change.", required = true) String title,
    @InputField(description = "What will happen when it is approved.", required = true) String action,
    @InputField(description = "Why the change is wanted.") String reason,
    @InputField(description = "The approver group that decides, from the operator configuration.", required = true)
        String approvers,
    @InputField(description = "Approvals needed (1 to 10, default 1); one rejection stops the change.")
        Integer required,
    @InputField(description = "Minutes the group has (1 to 43200, default 1440).") Integer deadlineMinutes,
    @InputField(description = "Another approver group asked when the deadline passes; none by default.")
        String escalateTo,
    @InputField(description = "An escalation policy paged when the deadline passes; none by default.")
        String page,
    @InputField(description = "Minutes to wait after escalating (1 to 43200, default deadlineMinutes).")
        Integer extensionMinutes,
    @InputField(description = "The person asking, who may not approve; none by default.") String requestedBy,
    @InputField(description = "Links approvers can follow (at most 5).") List<String> links) {

  static final int MAX_TEXT = 2000;
  static final int MAX_NAME = 100;
  static final int MAX_MINUTES = 43_200;

  public ChangeApprovalInput {
    title = InputChecks.required("title", title, 200);
    action = InputChecks.required("action", action, MAX_TEXT);
    reason = InputChecks.optional("reason", reason, MAX_TEXT);
    approvers = InputChecks.required("approvers", approvers, MAX_NAME);
    required = InputChecks.within("required", required, 1, 1, 10);
    deadlineMinutes = InputChecks.within("deadlineMinutes", deadlineMinutes, 1440, 1, MAX_MINUTES);
    escalateTo = InputChecks.optional("escalateTo", escalateTo, MAX_NAME);
    page = InputChecks.optional("page", page, MAX_NAME);
    extensionMinutes = InputChecks.within("extensionMinutes", extensionMinutes, deadlineMinutes, 1, MAX_MINUTES);
    requestedBy = InputChecks.optional("requestedBy", requestedBy, MAX_NAME);
    links = links == null ? List.of() : List.copyOf(links);
    if (links.size() > 5 || links.stream().anyMatch(link -> link == null || !link.matches("https?://\\S{1,2000}"))) {
      throw new IllegalArgumentException("links must be at most 5 http:// or https:// URLs");
    }
  }

  /** The gate this input asks for. */
  ApprovalRequest request() {
    ApprovalRequest request =
        ApprovalRequest.of(title, action, reason, approvers)
            .needing(required)
            .withLinks(links)
            .requestedBy(requestedBy);
    Duration deadline = Duration.ofMinutes(deadlineMinutes);
    return escalateTo == null && page == null
        ? request.expiringAfter(deadline)
        : request.escalatingAfter(deadline, escalateTo, page, Duration.ofMinutes(extensionMinutes));
  }
}

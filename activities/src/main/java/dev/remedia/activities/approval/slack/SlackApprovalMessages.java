package dev.remedia.activities.approval.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static dev.remedia.activities.slack.SlackText.escape;
import static dev.remedia.activities.slack.SlackText.escapeUrl;
import static dev.remedia.activities.slack.SlackText.truncate;

import com.slack.api.model.block.LayoutBlock;
import dev.remedia.activities.approval.ApprovalNotice;
import dev.remedia.workflows.approval.ApprovalOutcome;
import dev.remedia.workflows.approval.ApprovalRequest;
import dev.remedia.workflows.approval.Decision;
import dev.remedia.workflows.approval.Vote;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Block Kit messages of an approval request: what approvers weigh, a reason field and the two
 * buttons, and the same summary with the outcome once it is decided. Runbooks fill the text from
 * alerts and targets, so it is escaped like a page's summary.
 */
final class SlackApprovalMessages {

  static final String APPROVE_ACTION = "approval.approve";
  static final String REJECT_ACTION = "approval.reject";
  /** Both the input block's id and its element's action id, as the click's state.values names them. */
  static final String REASON_INPUT = "approval.reason";
  /** Slack's limit for a plain_text_input; the API reads no more than this either. */
  static final int REASON_MAX_CHARS = 3000;

  private static final int HEADER_CHARS = 150;
  private static final int SECTION_CHARS = 3000;
  private static final int FALLBACK_CHARS = 3000;
  private static final DateTimeFormatter DEADLINE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private SlackApprovalMessages() {}

  /** The request with its reason field and buttons; {@code approvers} is M in "N of M". */
  static List<LayoutBlock> request(ApprovalNotice notice, int approvers) {
    List<LayoutBlock> blocks = summary(notice, approvers);
    blocks.add(
        input(
            i ->
                i.blockId(REASON_INPUT)
                    .optional(true)
                    .label(plainText("Reason (needed to reject)"))
                    .element(
                        plainTextInput(
                            e -> e.actionId(REASON_INPUT).multiline(true).maxLength(REASON_MAX_CHARS)))));
    blocks.add(
        actions(
            List.of(
                button(
                    b -> b.text(plainText("Approve")).actionId(APPROVE_ACTION).value(notice.approvalId()).style("primary")),
                button(
                    b ->
                        b.text(plainText("Reject"))
                            .actionId(REJECT_ACTION)
                            .value(notice.approvalId())
                            .style("danger")
                            .confirm(
                                confirmationDialog(
                                    c ->
                                        c.title(plainText("Reject this request?"))
                                            .text(plainText("The step will not run. Your reason is recorded with your name."))
                                            .confirm(plainText("Reject"))
                                            .deny(plainText("Keep it open"))
                                            .style("danger")))))));
    return blocks;
  }

  /**
   * The request as it stays once decided: the same summary, no buttons, and the outcome. How many
   * people were asked is no longer known here, so the count names the group instead.
   */
  static List<LayoutBlock> decided(ApprovalNotice notice, ApprovalOutcome outcome) {
    List<LayoutBlock> blocks = summary(notice, 0);
    blocks.add(context(List.of(markdownText("*" + escape(outcomeLine(outcome)) + "*"))));
    return blocks;
  }

  /** The plain text Slack shows in notifications and where blocks cannot be shown. */
  static String requestText(ApprovalNotice notice) {
    return truncate(escape("Approval needed: " + notice.request().title()), FALLBACK_CHARS);
  }

  static String decidedText(ApprovalNotice notice, ApprovalOutcome outcome) {
    return truncate(escape(notice.request().title() + ": " + outcomeLine(outcome)), FALLBACK_CHARS);
  }

  /**
   * "Approved by alice (slack), bob (api)", "Rejected by bob (slack): too risky", "Expired: nobody
   * decided by the deadline".
   */
  static String outcomeLine(ApprovalOutcome outcome) {
    return switch (outcome.status()) {
      case APPROVED -> "Approved by "
          + outcome.decisions().stream()
              .filter(d -> d.vote() == Vote.APPROVE)
              .map(SlackApprovalMessages::voter)
              .collect(Collectors.joining(", "));
      case REJECTED -> outcome.decisions().stream()
          .filter(d -> d.vote() == Vote.REJECT)
          .findFirst()
          .map(d -> "Rejected by " + voter(d) + ": " + d.reason())
          .orElse("Rejected: " + outcome.reason());
      case EXPIRED -> "Expired: " + outcome.reason();
      case CANCELLED -> "Cancelled: " + outcome.reason();
      case PENDING -> "Waiting for a decision";
    };
  }

  private static String voter(Decision decision) {
    return decision.person() + " (" + decision.via() + ")";
  }

  private static List<LayoutBlock> summary(ApprovalNotice notice, int approvers) {
    ApprovalRequest request = notice.request();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(truncate("Approval needed: " + request.title(), HEADER_CHARS)))));
    StringBuilder what = new StringBuilder("*What will happen:* ").append(escape(request.action()));
    if (request.reason() != null && !request.reason().isBlank()) {
      what.append("\n*Why:* ").append(escape(request.reason()));
    }
    if (request.blastRadius() != null) {
      what.append("\n*Blast radius:* ").append(escape(request.blastRadius().describe()));
    }
    String whatText = truncate(what.toString(), SECTION_CHARS);
    blocks.add(section(s -> s.text(markdownText(whatText))));
    String rules =
        "*Approvals needed:* " + needed(request.required(), approvers, request.approvers())
            + "\n*Deadline:* " + deadline(notice)
            + "\n*Requested by:* " + escape(requester(notice));
    blocks.add(section(s -> s.text(markdownText(rules))));
    String links = links(notice);
    if (!links.isEmpty()) {
      blocks.add(context(List.of(markdownText(truncate(links, SECTION_CHARS)))));
    }
    return blocks;
  }

  /** "2 of 5 in fleet-leads"; without the people known, "2 from fleet-leads". */
  private static String needed(int required, int approvers, String group) {
    return approvers > 0
        ? required + " of " + approvers + " in " + escape(group)
        : required + " from " + escape(group);
  }

  /** Slack shows the deadline in each reader's own time zone; the UTC text is its fallback. */
  private static String deadline(ApprovalNotice notice) {
    if (notice.deadline() == null) {
      return "none";
    }
    return "<!date^" + notice.deadline().getEpochSecond() + "^{date_short_pretty} at {time}|"
        + DEADLINE.format(notice.deadline()) + ">";
  }

  private static String requester(ApprovalNotice notice) {
    if (notice.request().requester() != null) {
      return notice.request().requester();
    }
    return notice.runId() == null ? "Remedia" : "Remedia, for run " + notice.runId();
  }

  private static String links(ApprovalNotice notice) {
    List<String> shown = new ArrayList<>();
    if (notice.link() != null) {
      shown.add("<" + escapeUrl(notice.link()) + "|Open the request in Remedia>");
    }
    for (String link : notice.request().links()) {
      shown.add("<" + escapeUrl(link) + ">");
    }
    return String.join("  ·  ", shown);
  }
}

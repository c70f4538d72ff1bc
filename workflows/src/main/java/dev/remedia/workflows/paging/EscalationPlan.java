package dev.remedia.workflows.paging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The policy as it stood when paging started, so a configuration change cannot alter an escalation
 * already under way, and the reply code people answer SMS pages with.
 *
 * @param repeat how many more times the levels run after the first pass
 * @param fallback the level paged once by {@link FinalAction#NOTIFY_FALLBACK}, or null
 * @param replyCode four digits, unique among escalations still paging, for SMS replies such as
 *     {@code ACK 4821}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EscalationPlan(
    String policy,
    List<EscalationLevel> levels,
    int repeat,
    FinalAction finalAction,
    EscalationLevel fallback,
    String replyCode) {}

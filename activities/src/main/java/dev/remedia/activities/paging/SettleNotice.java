package dev.remedia.activities.paging;

import dev.remedia.workflows.paging.Settlement;

/** Telling the recipient of a sent page how its escalation was settled. */
public record SettleNotice(OutgoingPage page, SentMessage sent, Settlement settlement) {}

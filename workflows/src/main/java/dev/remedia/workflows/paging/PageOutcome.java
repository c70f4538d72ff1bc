package dev.remedia.workflows.paging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What a send, or a later delivery report from the channel, says about a page. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageOutcome(String pageId, PageDelivery delivery, String detail) {}

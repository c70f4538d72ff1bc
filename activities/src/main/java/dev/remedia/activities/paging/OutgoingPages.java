package dev.remedia.activities.paging;

import dev.remedia.activities.store.StoredPage;
import dev.remedia.workflows.paging.PageRequest;

/** Builds the page a channel sends, from the workflow's request or from the stored row. */
final class OutgoingPages {

  private OutgoingPages() {}

  static OutgoingPage of(PageRequest request) {
    return new OutgoingPage(
        request.pageId(),
        request.contact().channel(),
        request.contact().address(),
        request.person(),
        request.incidentId(),
        request.summary(),
        request.severity(),
        request.link(),
        request.replyCode());
  }

  static OutgoingPage of(StoredPage page) {
    return new OutgoingPage(
        page.id(),
        page.channel(),
        page.address(),
        page.person(),
        page.incidentId(),
        page.summary(),
        page.severity(),
        page.link(),
        page.replyCode());
  }
}

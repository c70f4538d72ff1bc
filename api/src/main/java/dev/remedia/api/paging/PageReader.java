package dev.remedia.api.paging;

import dev.remedia.activities.store.PageListing;
import dev.remedia.activities.store.PageQuery;
import dev.remedia.activities.store.PageStatus;
import dev.remedia.activities.store.PagingStores;
import dev.remedia.activities.store.StoredPage;
import dev.remedia.api.problem.ApiProblem;
import dev.remedia.api.requests.Ids;
import dev.remedia.api.query.QueryParameters;
import dev.remedia.workflows.paging.PageChannel;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;

/** Pages from the read model, for the API. */
@Singleton
public class PageReader {

  private final PagingStores stores;

  PageReader(PagingStores stores) {
    this.stores = stores;
  }

  PageView.Listing list(String incident, String status, String channel, String limit, String cursor) {
    if (incident != null && !incident.isBlank()) {
      uuid(incident);
    }
    PageQuery query =
        new PageQuery(
            incident == null || incident.isBlank() ? null : incident,
            QueryParameters.oneOf("status", status, PageStatus.class),
            QueryParameters.oneOf("channel", channel, PageChannel.class),
            QueryParameters.limit(limit, PageQuery.MAX_LIMIT),
            QueryParameters.cursor(cursor));
    PageListing listing = QueryParameters.listed(() -> stores.pages().list(query));
    return new PageView.Listing(
        listing.pages().stream().map(PageReader::view).toList(),
        listing.next() == null ? null : listing.next().encode());
  }

  /** Every page sent for an incident, newest first (at most {@link PageQuery#MAX_LIMIT}). */
  public List<PageView> ofIncident(UUID incidentId) {
    return stores.pages()
        .list(new PageQuery(incidentId.toString(), null, null, PageQuery.MAX_LIMIT, null))
        .pages()
        .stream()
        .map(PageReader::view)
        .toList();
  }

  private static void uuid(String incident) {
    if (Ids.uuid(incident).isEmpty()) {
      throw ApiProblem.badRequest("incident '" + incident + "' is not a UUID");
    }
  }

  static PageView view(StoredPage page) {
    return new PageView(
        page.id(), page.escalationId(), page.incidentId(), page.round(), page.level(), page.person(),
        page.channel().name(), shown(page), page.status().name(), page.detail(), page.summary(),
        page.createdAt(), page.sentAt(), page.updatedAt(), page.settleNotified());
  }

  private static String shown(StoredPage page) {
    boolean phone = page.channel() == PageChannel.SMS || page.channel() == PageChannel.VOICE;
    String address = page.address();
    return phone && address.length() > 4 ? "…" + address.substring(address.length() - 4) : address;
  }
}

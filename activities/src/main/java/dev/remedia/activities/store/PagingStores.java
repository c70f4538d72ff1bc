package dev.remedia.activities.store;

import org.jooq.DSLContext;

/** The stores paging reads and writes, over one database. */
public record PagingStores(EscalationStore escalations, PageStore pages, SmsOptOutStore optOuts) {

  public static PagingStores of(DSLContext db) {
    return new PagingStores(new EscalationStore(db), new PageStore(db), new SmsOptOutStore(db));
  }
}

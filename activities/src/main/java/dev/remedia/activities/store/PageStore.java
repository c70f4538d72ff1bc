package dev.remedia.activities.store;

import static dev.remedia.activities.store.StoreTimes.instant;
import static dev.remedia.activities.store.StoreTimes.utc;
import static dev.remedia.activities.store.generated.Tables.DELIVERY_REPORTS;
import static dev.remedia.activities.store.generated.Tables.ESCALATIONS;
import static dev.remedia.activities.store.generated.Tables.PAGES;
import static dev.remedia.activities.store.generated.Tables.PAGES_IN_FLIGHT;

import dev.remedia.activities.store.generated.tables.records.PagesRecord;
import dev.remedia.workflows.paging.PageChannel;
import dev.remedia.workflows.paging.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * Pages and what became of them. A page row is claimed before anything is sent, so a retried send
 * finds what an earlier attempt did; an outcome is recorded once, and a channel's later reports only
 * ever move a page forward ({@link PageStatus}).
 */
public final class PageStore {

  /** How long a delivery report is kept for a send that has not recorded its reference yet. */
  static final Duration REPORTS_KEPT = Duration.ofDays(1);

  /**
   * A page in flight for longer than any channel call can take (Twilio's client gives up after 40 s)
   * was left so by a process that died mid-call: nothing is landing to wait for.
   */
  public static final Duration IN_FLIGHT_AT_MOST = Duration.ofMinutes(1);

  private final DSLContext db;

  public PageStore(DSLContext db) {
    this.db = db;
  }

  /** Creates the page in {@link PageStatus#SENDING}, or returns the row an earlier attempt created. */
  public PageClaim claim(PageRequest request, Instant at) {
    int inserted =
        db.insertInto(PAGES)
            .set(PAGES.ID, request.pageId())
            .set(PAGES.ESCALATION_ID, request.escalationId())
            .set(PAGES.INCIDENT_ID, request.incidentId())
            .set(PAGES.ROUND, request.round())
            .set(PAGES.LEVEL, request.level())
            .set(PAGES.PERSON, request.person())
            .set(PAGES.CHANNEL, request.contact().channel().name())
            .set(PAGES.ADDRESS, request.contact().address())
            .set(PAGES.SUMMARY, request.summary())
            .set(PAGES.SEVERITY, request.severity())
            .set(PAGES.LINK, request.link())
            .set(PAGES.REPLY_CODE, request.replyCode())
            .set(PAGES.STATUS, PageStatus.SENDING.name())
            .set(PAGES.CREATED_AT, utc(at))
            .set(PAGES.UPDATED_AT, utc(at))
            .onConflictDoNothing()
            .execute();
    return new PageClaim(find(request.pageId()).orElseThrow(), inserted == 1);
  }

  public Optional<StoredPage> find(String id) {
    return db.selectFrom(PAGES).where(PAGES.ID.eq(id)).fetchOptional().map(PageStore::toPage);
  }

  /**
   * Records how a send ended; only a page still {@link PageStatus#SENDING} takes it, so a repeat
   * changes nothing. Delivery reports that arrived for {@code providerRef} before this record (Twilio
   * can report a failure within milliseconds) are applied with it, in the same transaction, so a
   * retried send that finds the page recorded also finds them applied.
   *
   * @param providerRef the channel's handle when something was sent, else null
   * @return whether this call recorded the outcome (false when the page had one already)
   */
  public boolean recordOutcome(String id, PageStatus status, String providerRef, String detail, Instant at) {
    return db.transactionResult(
        tx -> {
          DSLContext db = tx.dsl();
          int recorded =
              db.update(PAGES)
                  .set(PAGES.STATUS, status.name())
                  .set(PAGES.PROVIDER_REF, providerRef)
                  .set(PAGES.DETAIL, detail)
                  .set(PAGES.SENT_AT, providerRef == null ? null : utc(at))
                  .set(PAGES.UPDATED_AT, utc(at))
                  .where(PAGES.ID.eq(id), PAGES.STATUS.eq(PageStatus.SENDING.name()))
                  .execute();
          if (recorded == 1 && providerRef != null) {
            for (var report :
                db.selectFrom(DELIVERY_REPORTS)
                    .where(DELIVERY_REPORTS.PROVIDER_REF.eq(providerRef))
                    .orderBy(DELIVERY_REPORTS.RECEIVED_AT)
                    .fetch()) {
              moveForward(db, PAGES.ID.eq(id), PageStatus.valueOf(report.getStatus()), report.getDetail(), at);
            }
          }
          return recorded == 1;
        });
  }

  /**
   * Applies a channel's report to the pages it sent under {@code providerRef} (several for a rollup)
   * and answers the pages it changed; a report that says no more than what is stored changes nothing.
   * The report is kept for {@link #REPORTS_KEPT} too, for pages whose send has not recorded {@code
   * providerRef} yet: it is stored before the pages are looked at, so a send recording the reference
   * meanwhile finds it.
   */
  public List<StoredPage> recordDelivery(String providerRef, PageStatus status, String detail, Instant at) {
    db.insertInto(DELIVERY_REPORTS)
        .set(DELIVERY_REPORTS.PROVIDER_REF, providerRef)
        .set(DELIVERY_REPORTS.STATUS, status.name())
        .set(DELIVERY_REPORTS.DETAIL, detail)
        .set(DELIVERY_REPORTS.RECEIVED_AT, utc(at))
        .onConflictDoNothing()
        .execute();
    db.deleteFrom(DELIVERY_REPORTS).where(DELIVERY_REPORTS.RECEIVED_AT.lt(utc(at.minus(REPORTS_KEPT)))).execute();
    return moveForward(db, PAGES.PROVIDER_REF.eq(providerRef), status, detail, at);
  }

  private static List<StoredPage> moveForward(
      DSLContext db, Condition pages, PageStatus status, String detail, Instant at) {
    List<String> superseded =
        Arrays.stream(PageStatus.values()).filter(status::supersedes).map(Enum::name).toList();
    return db.update(PAGES)
        .set(PAGES.STATUS, status.name())
        .set(PAGES.DETAIL, detail)
        .set(PAGES.UPDATED_AT, utc(at))
        .where(pages, PAGES.STATUS.in(superseded))
        .returning()
        .fetch(PageStore::toPage);
  }

  /** The pages of an escalation that reached someone who has not yet been told how it was settled. */
  public List<StoredPage> awaitingSettleNotice(String escalationId) {
    List<String> reached =
        Arrays.stream(PageStatus.values()).filter(PageStatus::reachedSomeone).map(Enum::name).toList();
    return db.selectFrom(PAGES)
        .where(PAGES.ESCALATION_ID.eq(escalationId), PAGES.STATUS.in(reached), PAGES.SETTLE_NOTIFIED.isFalse())
        .orderBy(PAGES.CREATED_AT, PAGES.ID)
        .fetch(PageStore::toPage);
  }

  public void markSettleNotified(String id, Instant at) {
    db.update(PAGES)
        .set(PAGES.SETTLE_NOTIFIED, true)
        .set(PAGES.UPDATED_AT, utc(at))
        .where(PAGES.ID.eq(id))
        .execute();
  }

  /**
   * Hands pages to a channel: answers which of them belong to escalations still paging with no stop
   * requested (or only a tentative request that lapsed), and records those in flight from now, in the
   * database's time, until {@link #landed}. The pages' escalations are share-locked as they are
   * checked, so a stop being marked meanwhile ({@link EscalationStore#holdStop}) waits for this to
   * commit and then finds these pages in flight, and one marked first is seen here: each page is either
   * withdrawn or waited for.
   */
  public Set<String> handOver(Collection<String> pageIds) {
    // One statement, so one round trip per turn of a lane. In PostgreSQL's read committed, a row
    // locked FOR SHARE that a stop is being marked on is waited for and then checked again as
    // committed, so the conditions hold for the version locked.
    CommonTableExpression<Record2<String, String>> wanted =
        DSL.name("wanted")
            .fields("page_id", "escalation_id")
            .as(
                DSL.select(PAGES.ID, PAGES.ESCALATION_ID)
                    .from(PAGES)
                    .join(ESCALATIONS)
                    .on(ESCALATIONS.ID.eq(PAGES.ESCALATION_ID))
                    .where(
                        PAGES.ID.in(pageIds),
                        ESCALATIONS.STATUS.eq(EscalationStatus.PAGING.name()),
                        ESCALATIONS.STOP_REQUESTED_AT.isNull()
                            .or(ESCALATIONS.STOP_TENTATIVE_UNTIL.lt(DSL.currentOffsetDateTime())))
                    .orderBy(ESCALATIONS.ID)
                    .forShare()
                    .of(ESCALATIONS));
    return db.with(wanted)
        .insertInto(PAGES_IN_FLIGHT, PAGES_IN_FLIGHT.PAGE_ID, PAGES_IN_FLIGHT.ESCALATION_ID, PAGES_IN_FLIGHT.SINCE)
        .select(
            DSL.select(
                    wanted.field(0, String.class), wanted.field(1, String.class), DSL.currentOffsetDateTime())
                .from(wanted))
        .onConflict(PAGES_IN_FLIGHT.PAGE_ID)
        .doUpdate()
        .set(PAGES_IN_FLIGHT.SINCE, DSL.currentOffsetDateTime())
        .returning(PAGES_IN_FLIGHT.PAGE_ID)
        .fetchSet(PAGES_IN_FLIGHT.PAGE_ID);
  }

  /**
   * The channel call for these pages returned: they are no longer in flight. Rows that processes
   * which died mid-call left behind go too.
   */
  public void landed(Collection<String> pageIds) {
    db.deleteFrom(PAGES_IN_FLIGHT)
        .where(
            PAGES_IN_FLIGHT.PAGE_ID.in(pageIds)
                .or(PAGES_IN_FLIGHT.SINCE.lt(before(IN_FLIGHT_AT_MOST))))
        .execute();
  }

  /**
   * The pages of {@code scope}'s escalations handed to a channel and not landed yet, leaving out those
   * that processes which died mid-call left behind.
   */
  public Set<String> inFlight(StopScope scope) {
    Condition escalations =
        scope.escalationId() != null
            ? PAGES_IN_FLIGHT.ESCALATION_ID.eq(scope.escalationId())
            : PAGES_IN_FLIGHT.ESCALATION_ID.in(
                DSL.select(ESCALATIONS.ID).from(ESCALATIONS).where(ESCALATIONS.INCIDENT_ID.eq(scope.incidentId())));
    return db.select(PAGES_IN_FLIGHT.PAGE_ID)
        .from(PAGES_IN_FLIGHT)
        .where(escalations, PAGES_IN_FLIGHT.SINCE.gt(before(IN_FLIGHT_AT_MOST)))
        .fetchSet(PAGES_IN_FLIGHT.PAGE_ID);
  }

  /** The database's now less {@code duration}. */
  private static Field<OffsetDateTime> before(Duration duration) {
    return DSL.field("current_timestamp - {0} * interval '1 millisecond'", OffsetDateTime.class, duration.toMillis());
  }

  /**
   * The SMS page an SMS reply answers: the newest page to that number with that reply code, one whose
   * escalation still pages first. Codes are reused once an escalation stops, so an older match is
   * only taken when no live one exists.
   */
  public Optional<StoredPage> answeredBySms(String phone, String replyCode) {
    return db.select(PAGES.fields())
        .from(PAGES)
        .join(ESCALATIONS)
        .on(ESCALATIONS.ID.eq(PAGES.ESCALATION_ID))
        .where(
            PAGES.CHANNEL.eq(PageChannel.SMS.name()),
            PAGES.ADDRESS.eq(phone),
            PAGES.REPLY_CODE.eq(replyCode))
        .orderBy(
            DSL.when(ESCALATIONS.STATUS.eq(EscalationStatus.PAGING.name()), 0).otherwise(1),
            PAGES.CREATED_AT.desc())
        .limit(1)
        .fetchOptional(row -> toPage(row.into(PAGES)));
  }

  /** Pages, newest first; a listing for the API. */
  public PageListing list(PageQuery query) {
    List<Condition> conditions = new ArrayList<>();
    if (query.incidentId() != null) {
      conditions.add(PAGES.INCIDENT_ID.eq(query.incidentId()));
    }
    if (query.status() != null) {
      conditions.add(PAGES.STATUS.eq(query.status().name()));
    }
    if (query.channel() != null) {
      conditions.add(PAGES.CHANNEL.eq(query.channel().name()));
    }
    if (query.after() != null) {
      conditions.add(DSL.row(PAGES.CREATED_AT, PAGES.ID).lt(utc(query.after().at()), query.after().id()));
    }
    List<StoredPage> pages =
        db.selectFrom(PAGES)
            .where(conditions)
            .orderBy(PAGES.CREATED_AT.desc(), PAGES.ID.desc())
            .limit(query.limit() + 1)
            .fetch(PageStore::toPage);
    return Keyset.page(
        pages, query.limit(), last -> new PageCursor(last.createdAt(), last.id()), PageListing::new);
  }

  private static StoredPage toPage(PagesRecord row) {
    return new StoredPage(
        row.getId(),
        row.getEscalationId(),
        row.getIncidentId(),
        row.getRound(),
        row.getLevel(),
        row.getPerson(),
        PageChannel.valueOf(row.getChannel()),
        row.getAddress(),
        row.getSummary(),
        row.getSeverity(),
        row.getLink(),
        row.getReplyCode(),
        PageStatus.valueOf(row.getStatus()),
        row.getProviderRef(),
        row.getDetail(),
        instant(row.getCreatedAt()),
        instant(row.getSentAt()),
        instant(row.getUpdatedAt()),
        row.getSettleNotified());
  }
}

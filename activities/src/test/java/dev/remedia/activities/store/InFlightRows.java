package dev.remedia.activities.store;

import static dev.remedia.activities.store.generated.Tables.PAGES_IN_FLIGHT;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reaches into {@code pages_in_flight} for what only a process dying mid-call leaves behind. */
public final class InFlightRows {

  private InFlightRows() {}

  /** Makes a page look handed over {@code ago}, by a process that never came back. */
  public static void age(String pageId, Duration ago) {
    TestDatabases.shared()
        .dsl()
        .update(PAGES_IN_FLIGHT)
        .set(PAGES_IN_FLIGHT.SINCE, OffsetDateTime.now(ZoneOffset.UTC).minus(ago))
        .where(PAGES_IN_FLIGHT.PAGE_ID.eq(pageId))
        .execute();
  }

  public static int count(String pageId) {
    return TestDatabases.shared().dsl().fetchCount(PAGES_IN_FLIGHT, PAGES_IN_FLIGHT.PAGE_ID.eq(pageId));
  }
}

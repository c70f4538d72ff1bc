package dev.remedia.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedReadingTest {

  private final AtomicLong nanos = new AtomicLong();
  private final AtomicInteger reads = new AtomicInteger();

  @Test
  void readsAtMostOncePerPeriodHoweverOftenItIsAsked() {
    CachedReading<Integer> reading =
        new CachedReading<>("test", reads::incrementAndGet, Duration.ofSeconds(5), nanos::get);

    for (int scrape = 0; scrape < 100; scrape++) {
      assertEquals(Optional.of(1), reading.get());
    }
    nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
    assertEquals(Optional.of(1), reading.get());
    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertEquals(Optional.of(2), reading.get());
    assertEquals(2, reads.get());
  }

  @Test
  void aFailedReadIsEmptyAndNotRetriedBeforeThePeriodEnds() {
    CachedReading<Integer> reading =
        new CachedReading<>(
            "test",
            () -> {
              reads.incrementAndGet();
              throw new IllegalStateException("PostgreSQL is down");
            },
            Duration.ofSeconds(5),
            nanos::get);

    assertEquals(Optional.empty(), reading.get());
    assertEquals(Optional.empty(), reading.get());
    assertEquals(1, reads.get());
  }
}

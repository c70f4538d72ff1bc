package dev.remedia.api.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from somewhere slow, read again only once it is older than {@code freshFor}, so that
 * however often and however many at once scrape {@code /metrics}, the database sees one query per
 * period. A failed read is remembered for the same period, logged, and reads as empty.
 */
final class CachedReading<T> {

  private static final Logger LOG = LoggerFactory.getLogger(CachedReading.class);

  private final String what;
  private final Supplier<T> read;
  private final long freshForNanos;
  private final LongSupplier nanoTime;
  private Optional<T> value = Optional.empty();
  private long readAt;
  private boolean everRead;

  CachedReading(String what, Supplier<T> read, Duration freshFor, LongSupplier nanoTime) {
    this.what = what;
    this.read = read;
    this.freshForNanos = freshFor.toNanos();
    this.nanoTime = nanoTime;
  }

  synchronized Optional<T> get() {
    long now = nanoTime.getAsLong();
    if (!everRead || now - readAt >= freshForNanos) {
      value = readNow();
      readAt = now;
      everRead = true;
    }
    return value;
  }

  private Optional<T> readNow() {
    try {
      return Optional.of(read.get());
    } catch (RuntimeException e) {
      LOG.warn("Cannot read {} for /metrics: {}", what, e.getMessage());
      return Optional.empty();
    }
  }
}

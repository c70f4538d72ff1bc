package dev.remedia.api.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Nearest-rank percentiles: the value at rank ceil(p/100 × n) of the sorted values, never an interpolation. */
class DurationsTest {

  @Test
  void percentilesAreValuesAtTheNearestRank() {
    assertEquals(new Durations(10, 5L, 9L, 10L), Durations.of(shuffled(1, 10)));
    assertEquals(new Durations(11, 6L, 10L, 11L), Durations.of(shuffled(1, 11)), "rank ceil(9.9) = 10");
    assertEquals(new Durations(20, 10L, 18L, 20L), Durations.of(shuffled(1, 20)));
    assertEquals(new Durations(1, 42L, 42L, 42L), Durations.of(List.of(42L)));
    assertEquals(new Durations(2, 3L, 7L, 7L), Durations.of(List.of(7L, 3L)), "the median of two is the lower");
  }

  @Test
  void noDurationsHaveNoFigures() {
    assertEquals(new Durations(0, null, null, null), Durations.of(List.of()));
  }

  @Test
  void theFirstAndLastPercentilesAreTheSmallestAndLargestValues() {
    List<Long> values = shuffled(1, 7);
    List<Long> sorted = values.stream().sorted().toList();
    assertEquals(1L, Durations.nearestRank(sorted, 1));
    assertEquals(7L, Durations.nearestRank(sorted, 100));
  }

  private static List<Long> shuffled(long first, long last) {
    List<Long> values = new ArrayList<>(LongStream.rangeClosed(first, last).boxed().toList());
    Collections.reverse(values);
    Collections.swap(values, 0, values.size() / 2);
    return values;
  }
}

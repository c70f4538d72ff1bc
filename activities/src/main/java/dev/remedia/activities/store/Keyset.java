package dev.remedia.activities.store;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Keyset paging: a listing fetches one row more than the page holds; that extra row only says there is
 * a next page, which continues after the last row shown.
 */
final class Keyset {

  private Keyset() {}

  static <T, P> P page(
      List<T> fetched,
      int limit,
      Function<T, PageCursor> cursorOf,
      BiFunction<List<T>, PageCursor, P> page) {
    if (fetched.size() <= limit) {
      return page.apply(fetched, null);
    }
    List<T> shown = List.copyOf(fetched.subList(0, limit));
    return page.apply(shown, cursorOf.apply(shown.get(shown.size() - 1)));
  }
}

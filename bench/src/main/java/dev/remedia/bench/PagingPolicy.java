package dev.remedia.bench;

import java.time.Duration;
import java.time.Instant;

/**
 * The escalation policy the paging benchmark runs through, and the operator configuration that gives
 * it to Remedia: {@code levels} levels of {@code peoplePerLevel} people each, no one on two levels, each
 * level waiting {@code delay} before the next. Every critical alert pages through it.
 */
final class PagingPolicy {

  static final String NAME = "bench-paging";

  final int levels;
  final int peoplePerLevel;
  final Duration delay;

  PagingPolicy(int levels, int peoplePerLevel, Duration delay) {
    this.levels = levels;
    this.peoplePerLevel = peoplePerLevel;
    this.delay = delay;
  }

  int people() {
    return levels * peoplePerLevel;
  }

  /** When a level (0 for the first) is due: the first when paging starts, each later one a delay on. */
  Instant due(Instant escalationStarted, int level) {
    return escalationStarted.plus(delay.multipliedBy(level));
  }

  /** The level (0 for the first) that was paging at {@code at}, by the schedule. */
  int levelAt(Instant escalationStarted, Instant at) {
    long level = Duration.between(escalationStarted, at).toMillis() / delay.toMillis();
    return (int) Math.max(0, Math.min(levels - 1, level));
  }

  /**
   * The operator configuration: people {@code oncall-01} and on with made-up Slack ids, so that in dev
   * mode the console stands in for Slack and each person is one destination with its own pace.
   */
  String operatorConfig() {
    StringBuilder yaml = new StringBuilder();
    yaml.append("# Written by bench/paging-load for one run.\npeople:\n");
    for (int person = 1; person <= people(); person++) {
      yaml.append(String.format("  - { name: %s, slack: U0BENCH%02d }%n", person(person), person));
    }
    yaml.append("escalation-policies:\n  - name: ").append(NAME).append("\n    levels:\n");
    for (int level = 0; level < levels; level++) {
      yaml.append("      - notify: [");
      for (int i = 1; i <= peoplePerLevel; i++) {
        yaml.append(i == 1 ? " " : ", ").append("{ person: ").append(person(level * peoplePerLevel + i)).append(" }");
      }
      yaml.append(" ]\n        channels: [slack]\n        delay: ").append(delay.toSeconds()).append("s\n");
    }
    yaml.append("    final: { action: mark-unacknowledged }\n");
    yaml.append("routes:\n  - name: bench-critical\n    match: { severity: critical }\n    escalation: ")
        .append(NAME)
        .append('\n');
    return yaml.toString();
  }

  private static String person(int number) {
    return String.format("oncall-%02d", number);
  }
}

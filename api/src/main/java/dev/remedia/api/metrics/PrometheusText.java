package dev.remedia.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Writes a Micrometer registry in Prometheus' text exposition format 0.0.4, the way Prometheus names
 * things: dots become underscores, counters end in {@code _total}, timers are in seconds (a histogram
 * when they have buckets, else a summary without quantiles). Written here because the
 * Prometheus registry for Micrometer is not among the libraries this build can use.
 */
final class PrometheusText {

  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Map<String, Family> families = new TreeMap<>();

  private PrometheusText() {}

  static String of(MeterRegistry registry) {
    PrometheusText text = new PrometheusText();
    registry.getMeters().stream()
        .sorted(Comparator.comparing((Meter meter) -> meter.getId().getName())
            .thenComparing(meter -> meter.getId().getTags().toString()))
        .forEach(text::add);
    StringBuilder out = new StringBuilder();
    text.families.values().forEach(family -> family.writeTo(out));
    return out.toString();
  }

  private void add(Meter meter) {
    Meter.Id id = meter.getId();
    String base = name(id.getName());
    List<Tag> tags = id.getTags();
    String help = id.getDescription();
    if (meter instanceof Counter counter) {
      family(counterName(withUnit(base, id.getBaseUnit())), "counter", help).sample("", tags, counter.count());
    } else if (meter instanceof FunctionCounter counter) {
      family(counterName(withUnit(base, id.getBaseUnit())), "counter", help).sample("", tags, counter.count());
    } else if (meter instanceof TimeGauge gauge) {
      family(base + "_seconds", "gauge", help).sample("", tags, gauge.value(TimeUnit.SECONDS));
    } else if (meter instanceof Gauge gauge) {
      family(withUnit(base, id.getBaseUnit()), "gauge", help).sample("", tags, gauge.value());
    } else if (meter instanceof Timer timer) {
      distribution(base + "_seconds", help, tags, timer.takeSnapshot(), TimeUnit.SECONDS);
    } else if (meter instanceof FunctionTimer timer) {
      Family family = family(base + "_seconds", "summary", help);
      family.sample("_count", tags, timer.count());
      family.sample("_sum", tags, timer.totalTime(TimeUnit.SECONDS));
    } else if (meter instanceof DistributionSummary summary) {
      distribution(withUnit(base, id.getBaseUnit()), help, tags, summary.takeSnapshot(), null);
    } else {
      for (Measurement measurement : meter.measure()) {
        String statistic = measurement.getStatistic().name().toLowerCase(Locale.ROOT);
        family(base + "_" + statistic, "untyped", help).sample("", tags, measurement.getValue());
      }
    }
  }

  /** A histogram when the meter keeps buckets (they are cumulative, see LatencyBuckets), else a summary. */
  private void distribution(String name, String help, List<Tag> tags, HistogramSnapshot snapshot, TimeUnit unit) {
    CountAtBucket[] buckets = snapshot.histogramCounts();
    Family family = family(name, buckets.length == 0 ? "summary" : "histogram", help);
    for (CountAtBucket bucket : buckets) {
      double bound = unit == null ? bucket.bucket() : bucket.bucket(unit);
      family.sample("_bucket", withTag(tags, "le", number(bound)), bucket.count());
    }
    if (buckets.length > 0) {
      family.sample("_bucket", withTag(tags, "le", "+Inf"), snapshot.count());
    }
    family.sample("_count", tags, snapshot.count());
    family.sample("_sum", tags, unit == null ? snapshot.total() : snapshot.total(unit));
  }

  private Family family(String name, String type, String help) {
    return families.computeIfAbsent(name, key -> new Family(key, type, help));
  }

  private static String counterName(String base) {
    return base.endsWith("_total") ? base : base + "_total";
  }

  private static String withUnit(String base, String unit) {
    if (unit == null || unit.isBlank()) {
      return base;
    }
    String suffix = "_" + name(unit);
    return base.endsWith(suffix) ? base : base + suffix;
  }

  private static String name(String micrometerName) {
    String name = micrometerName.replaceAll("[^a-zA-Z0-9_:]", "_");
    return Character.isDigit(name.charAt(0)) ? "_" + name : name;
  }

  private static List<Tag> withTag(List<Tag> tags, String key, String value) {
    List<Tag> all = new ArrayList<>(tags);
    all.add(Tag.of(key, value));
    return all;
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  /** One metric name: its HELP and TYPE lines once, then every sample of every meter with that name. */
  private static final class Family {
    private final String name;
    private final String type;
    private final String help;
    private final StringBuilder samples = new StringBuilder();

    Family(String name, String type, String help) {
      this.name = name;
      this.type = type;
      this.help = help;
    }

    void sample(String suffix, List<Tag> tags, double value) {
      samples.append(name).append(suffix);
      if (!tags.isEmpty()) {
        samples.append('{');
        for (int i = 0; i < tags.size(); i++) {
          Tag tag = tags.get(i);
          samples.append(i == 0 ? "" : ",")
              .append(tag.getKey().replaceAll("[^a-zA-Z0-9_]", "_"))
              .append("=\"")
              .append(escape(tag.getValue(), true))
              .append('"');
        }
        samples.append('}');
      }
      samples.append(' ').append(number(value)).append('\n');
    }

    void writeTo(StringBuilder out) {
      if (help != null && !help.isBlank()) {
        out.append("# HELP ").append(name).append(' ').append(escape(help, false)).append('\n');
      }
      out.append("# TYPE ").append(name).append(' ').append(type).append('\n').append(samples);
    }

    private static String escape(String text, boolean quoted) {
      String escaped = text.replace("\\", "\\\\").replace("\n", "\\n");
      return quoted ? escaped.replace("\"", "\\\"") : escaped;
    }
  }
}

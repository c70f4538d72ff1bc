package dev.remedia.workflows.incident;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The alerts of one webhook delivery that belong to one incident, sent as one signal.
 *
 * @param source the webhook source, for instance {@code alertmanager}
 * @param dedupeKey the key that names the incident within its source
 * @param route what to do when this batch opens the incident
 * @param flapWindowSeconds how long a resolved incident waits for a re-fire before it closes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertBatch(
    String source,
    String dedupeKey,
    RouteDecision route,
    long flapWindowSeconds,
    List<AlertNotice> alerts) {}

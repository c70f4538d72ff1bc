package dev.remedia.api.runbooks;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** One catalog entry: what the runbook does and the JSON Schema of its input. */
@Serdeable
public record RunbookView(String name, String description, Map<String, Object> inputSchema) {}

package dev.remedia.workflows.paging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One target of an escalation level, by name: resolved to people when the level fires. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageTarget(TargetKind kind, String name) {}

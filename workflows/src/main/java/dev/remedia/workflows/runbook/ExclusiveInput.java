package dev.remedia.workflows.runbook;

/**
 * An input whose runs must not overlap, such as two renewals of one endpoint. Every trigger (a manual
 * start, a routed alert, a sweep) claims the key first; a trigger that finds a running holder joins
 * that run instead of starting another. The key is not part of the input's JSON.
 */
public interface ExclusiveInput {

  /** Runs with equal keys exclude each other, for instance {@code cert-renewal:web.example.org:443}. */
  String exclusiveKey();
}

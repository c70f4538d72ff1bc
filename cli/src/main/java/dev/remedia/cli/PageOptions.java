package dev.remedia.cli;

import picocli.CommandLine.Option;

/** {@code --limit} and {@code --cursor}, which every listing takes the same way (a picocli mixin). */
public final class PageOptions {

  @Option(names = "--limit", paramLabel = "N", description = "at most N rows (1 to 200, default 50)")
  private Integer limit;

  @Option(names = "--cursor", paramLabel = "CURSOR", description = "the next page, as the previous one said")
  private String cursor;

  /** The listing's path with the page asked for. */
  public ApiPath applyTo(ApiPath path) {
    return path.query("limit", limit).query("cursor", cursor);
  }
}

package dev.remedia.api;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts Remedia: in dev mode with embedded Temporal and PostgreSQL unless they are configured. */
public final class Application extends Micronaut {

  private static final Logger LOG = LoggerFactory.getLogger(Application.class);

  private Application() {}

  public static void main(String[] args) {
    System.setProperty("org.jooq.no-logo", "true");
    System.setProperty("org.jooq.no-tips", "true");
    new Application().mainClass(Application.class).banner(false).args(args).start();
  }

  /**
   * An unreachable Temporal or PostgreSQL is an operator's problem, not a bug: say what failed in one
   * line and exit non-zero, instead of Micronaut's bean-creation stack trace.
   */
  @Override
  protected void handleStartupException(Environment environment, Throwable exception) {
    StartupFailure failure = StartupFailure.findIn(exception);
    if (failure == null) {
      super.handleStartupException(environment, exception);
      return;
    }
    LOG.error("Remedia could not start: {}", failure.getMessage());
    LOG.debug("Start-up failure in full", exception);
    System.exit(1);
  }
}

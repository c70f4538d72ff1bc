package dev.remedia.api.health;

import dev.remedia.api.config.TemporalSettings;
import dev.remedia.api.temporal.WorkerRunner;
import jakarta.inject.Singleton;

@Singleton
class WorkerHealth extends ComponentHealth {

  private final WorkerRunner worker;
  private final TemporalSettings settings;

  WorkerHealth(WorkerRunner worker, TemporalSettings settings) {
    this.worker = worker;
    this.settings = settings;
  }

  @Override
  protected String check() {
    if (!worker.isRunning()) {
      throw new IllegalStateException("the Temporal worker is not polling");
    }
    return "worker polling task queue '" + settings.taskQueue() + "'";
  }

  @Override
  protected String getName() {
    return "worker";
  }
}

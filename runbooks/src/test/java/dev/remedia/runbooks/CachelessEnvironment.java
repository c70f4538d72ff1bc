package dev.remedia.runbooks;

import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactoryOptions;

/**
 * A time-skipping Temporal environment whose workers keep no workflow cache: every workflow task
 * replays the history from the start, as on a worker that has just restarted. Tests that run on it
 * show that a crash between any two steps neither loses nor repeats one.
 */
public final class CachelessEnvironment {

  private CachelessEnvironment() {}

  public static TestWorkflowEnvironment newInstance() {
    return TestWorkflowEnvironment.newInstance(
        TestEnvironmentOptions.newBuilder()
            .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build())
            .build());
  }
}

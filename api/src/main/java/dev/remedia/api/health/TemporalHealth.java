package dev.remedia.api.health;

import dev.remedia.api.temporal.TemporalConnection;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

@Singleton
class TemporalHealth extends ComponentHealth {

  private final TemporalConnection temporal;

  TemporalHealth(TemporalConnection temporal) {
    this.temporal = temporal;
  }

  @Override
  protected String check() {
    temporal
        .stubs()
        .blockingStub()
        .withDeadlineAfter(2, TimeUnit.SECONDS)
        .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    return temporal.description();
  }

  @Override
  protected String getName() {
    return "temporal";
  }
}

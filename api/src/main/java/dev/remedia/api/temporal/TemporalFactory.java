package dev.remedia.api.temporal;

import dev.remedia.api.config.TemporalSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import jakarta.inject.Singleton;

@Factory
class TemporalFactory {

  @Context
  @Bean(preDestroy = "close")
  TemporalConnection temporalConnection(TemporalSettings settings, MeterRegistry registry) {
    return TemporalConnection.open(settings, registry);
  }

  @Singleton
  WorkflowClient workflowClient(TemporalConnection connection, TemporalSettings settings) {
    return WorkflowClient.newInstance(
        connection.stubs(),
        WorkflowClientOptions.newBuilder().setNamespace(settings.namespace()).build());
  }
}

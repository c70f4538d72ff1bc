package dev.remedia.api.store;

import dev.remedia.activities.store.AlertStore;
import dev.remedia.activities.store.ApiTokenStore;
import dev.remedia.activities.store.AuditLog;
import dev.remedia.activities.store.Database;
import dev.remedia.activities.store.DatabaseUnavailableException;
import dev.remedia.activities.store.IncidentStore;
import dev.remedia.activities.store.ReportStore;
import dev.remedia.activities.store.RunClaimStore;
import dev.remedia.activities.store.RunStore;
import dev.remedia.api.StartupFailure;
import dev.remedia.api.config.DatabaseSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the read model at start-up (embedded or configured), migrates it, and hands out the stores. */
@Factory
class StoreFactory {

  private static final Logger LOG = LoggerFactory.getLogger("remedia.postgresql");

  @Context
  @Bean(preDestroy = "close")
  Database database(DatabaseSettings settings) {
    Database database;
    try {
      database =
          settings.embedded()
              ? Database.embedded()
              : Database.connect(
                  settings.url(), settings.user(), settings.password() == null ? "" : settings.password());
    } catch (DatabaseUnavailableException e) {
      throw new StartupFailure(e.getMessage(), e);
    }
    try {
      int applied = database.migrate();
      LOG.info("PostgreSQL: {}, schema migrated ({} migrations applied)", database.description(), applied);
    } catch (RuntimeException e) {
      database.close();
      throw new StartupFailure("PostgreSQL schema migration failed: " + e.getMessage(), e);
    }
    return database;
  }

  @Singleton
  DSLContext dsl(Database database) {
    return database.dsl();
  }

  @Singleton
  RunStore runStore(DSLContext dsl) {
    return new RunStore(dsl);
  }

  @Singleton
  IncidentStore incidentStore(DSLContext dsl) {
    return new IncidentStore(dsl);
  }

  @Singleton
  AlertStore alertStore(DSLContext dsl) {
    return new AlertStore(dsl);
  }

  @Singleton
  ApiTokenStore apiTokenStore(DSLContext dsl) {
    return new ApiTokenStore(dsl);
  }

  @Singleton
  RunClaimStore runClaimStore(DSLContext dsl) {
    return new RunClaimStore(dsl);
  }

  @Singleton
  AuditLog auditLog(DSLContext dsl) {
    return new AuditLog(dsl);
  }

  @Singleton
  ReportStore reportStore(DSLContext dsl) {
    return new ReportStore(dsl);
  }
}

package dev.remedia.activities.store;

import dev.remedia.activities.RootCause;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool.PoolInitializationException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The PostgreSQL that holds the read model: an embedded, throw-away server for dev mode and tests, or a
 * configured one. Either way the schema is migrated by Flyway before anything uses it.
 */
public final class Database implements AutoCloseable {

  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private final HikariDataSource dataSource;
  private final EmbeddedPostgres embedded;
  private final String description;

  private Database(HikariDataSource dataSource, EmbeddedPostgres embedded, String description) {
    this.dataSource = dataSource;
    this.embedded = embedded;
    this.description = description;
  }

  /** Starts a private PostgreSQL on a free port; its data is deleted when it closes. */
  public static Database embedded() {
    EmbeddedPostgres server;
    try {
      server = EmbeddedPostgres.builder().start();
    } catch (IOException | RuntimeException e) {
      throw new DatabaseUnavailableException(
          "embedded PostgreSQL could not start: " + RootCause.message(e), e);
    }
    String url = server.getJdbcUrl("postgres", "postgres");
    return new Database(
        pool(url, "postgres", ""),
        server,
        "embedded PostgreSQL on 127.0.0.1:" + server.getPort() + " (ephemeral: data is lost at exit)");
  }

  /** Connects to a configured PostgreSQL and fails fast, with a readable reason, if it cannot. */
  public static Database connect(String url, String user, String password) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new DatabaseUnavailableException(
          "database URL must start with jdbc:postgresql: (got " + JdbcUrls.redact(url) + ")", null);
    }
    return new Database(
        pool(url, user, password), null, "PostgreSQL at " + JdbcUrls.redact(url) + " as " + user);
  }

  private static HikariDataSource pool(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("remedia");
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(10);
    config.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS * 1000L);
    config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    try {
      return new HikariDataSource(config);
    } catch (PoolInitializationException e) {
      throw new DatabaseUnavailableException(
          "PostgreSQL at " + JdbcUrls.redact(url) + " is unreachable: " + RootCause.message(e), e);
    }
  }

  /** Applies pending Flyway migrations and answers how many were applied. */
  public int migrate() {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public DSLContext dsl() {
    return DSL.using(dataSource, SQLDialect.POSTGRES);
  }

  /** Where the data lives, without credentials, for log lines and health details. */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    dataSource.close();
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        throw new DatabaseUnavailableException("embedded PostgreSQL did not stop cleanly", e);
      }
    }
  }
}

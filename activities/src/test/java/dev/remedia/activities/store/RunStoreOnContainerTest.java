package dev.remedia.activities.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The run store against the PostgreSQL image that production uses, where a Docker engine runs. Without
 * Docker, Testcontainers skips this class and the embedded server covers the same contract.
 */
@Testcontainers(disabledWithoutDocker = true)
class RunStoreOnContainerTest extends RunStoreContract {

  @Container
  private static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:16-alpine");

  private static Database database;

  @BeforeAll
  static void connect() {
    database = Database.connect(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword());
    database.migrate();
  }

  @AfterAll
  static void disconnect() {
    database.close();
  }

  /** The contract only means something here if it ran against the major version production uses. */
  @Test
  void runsAgainstPostgresql16() {
    String version = String.valueOf(database.dsl().fetchValue("select current_setting('server_version_num')"));
    assertEquals(16, Integer.parseInt(version) / 10_000, "server_version_num " + version);
  }

  @Override
  protected Database database() {
    return database;
  }
}

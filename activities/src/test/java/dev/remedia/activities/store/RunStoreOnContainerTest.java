package dev.remedia.activities.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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

  @Override
  protected Database database() {
    return database;
  }
}

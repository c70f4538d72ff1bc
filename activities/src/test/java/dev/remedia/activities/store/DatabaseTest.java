package dev.remedia.activities.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DatabaseTest {

  @Test
  void anUnreachableDatabaseFailsFastWithAReadableReasonAndNoPassword() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/remedia?password=hunter2";

    DatabaseUnavailableException error =
        assertThrows(DatabaseUnavailableException.class, () -> Database.connect(url, "remedia", "s3cret"));

    assertTrue(error.getMessage().startsWith("PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort), error.getMessage());
    assertTrue(error.getMessage().contains("is unreachable"), error.getMessage());
    assertFalse(error.getMessage().contains("hunter2"), error.getMessage());
    assertFalse(error.getMessage().contains("s3cret"), error.getMessage());
  }

  @Test
  void onlyPostgresqlUrlsAreAccepted() {
    DatabaseUnavailableException error =
        assertThrows(
            DatabaseUnavailableException.class,
            () -> Database.connect("jdbc:mysql://db/remedia", "remedia", ""));
    assertEquals(
        "database URL must start with jdbc:postgresql: (got jdbc:mysql://db/remedia)", error.getMessage());
  }

  @Test
  void redactionHidesPasswordsInParametersAndUserInfo() {
    assertEquals(
        "jdbc:postgresql://***@db:5432/x?user=a&password=***&ssl=true",
        JdbcUrls.redact("jdbc:postgresql://a:b@db:5432/x?user=a&password=p4ss&ssl=true"));
  }

  @Test
  void migrationsAreAppliedOnceAndDescribedWithoutCredentials() {
    Database database = TestDatabases.shared();
    assertEquals(0, database.migrate());
    assertFalse(database.description().contains("password"));
  }
}

package dev.remedia.api.health;

import dev.remedia.activities.store.Database;
import jakarta.inject.Singleton;
import java.sql.Connection;

@Singleton
class DatabaseHealth extends ComponentHealth {

  private final Database database;

  DatabaseHealth(Database database) {
    this.database = database;
  }

  @Override
  protected String check() throws Exception {
    try (Connection connection = database.dataSource().getConnection()) {
      if (!connection.isValid(2)) {
        throw new IllegalStateException("PostgreSQL connection is not valid");
      }
    }
    return database.description();
  }

  @Override
  protected String getName() {
    return "postgresql";
  }
}

package dev.remedia.activities.store;

/**
 * The PostgreSQL that store tests use: the one named by {@code REMEDIA_TEST_DATABASE_URL} (with
 * {@code REMEDIA_TEST_DATABASE_USER} and {@code REMEDIA_TEST_DATABASE_PASSWORD}) when set, otherwise an
 * embedded server started once per test JVM. Tests use fresh ids, so a shared database is not wiped.
 */
public final class TestDatabases {

  private static Database shared;

  private TestDatabases() {}

  public static synchronized Database shared() {
    if (shared == null) {
      String url = System.getenv("REMEDIA_TEST_DATABASE_URL");
      shared =
          url == null || url.isBlank()
              ? Database.embedded()
              : Database.connect(
                  url,
                  System.getenv().getOrDefault("REMEDIA_TEST_DATABASE_USER", "remedia"),
                  System.getenv().getOrDefault("REMEDIA_TEST_DATABASE_PASSWORD", ""));
      shared.migrate();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }
}

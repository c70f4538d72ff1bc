package dev.remedia.activities.store;

/** The run store against the embedded PostgreSQL, or the one in {@code REMEDIA_TEST_DATABASE_URL}. */
class RunStoreTest extends RunStoreContract {

  @Override
  protected Database database() {
    return TestDatabases.shared();
  }
}

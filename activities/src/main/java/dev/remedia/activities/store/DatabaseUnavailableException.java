package dev.remedia.activities.store;

/** PostgreSQL could not be started or reached; the message is meant for the operator as it is. */
public class DatabaseUnavailableException extends RuntimeException {

  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}

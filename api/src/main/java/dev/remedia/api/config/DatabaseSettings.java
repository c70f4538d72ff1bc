package dev.remedia.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Where the read model lives. With no URL, dev mode starts an embedded PostgreSQL.
 *
 * @param url a {@code jdbc:postgresql:} URL, or blank for the embedded server
 */
@ConfigurationProperties("remedia.database")
public record DatabaseSettings(
    @Nullable String url,
    @Bindable(defaultValue = "remedia") String user,
    @Nullable String password) {

  public boolean embedded() {
    return url == null || url.isBlank();
  }

  /** Keeps secrets out of logs and error pages: the URL itself may carry a password. */
  @Override
  public String toString() {
    return "DatabaseSettings[url=" + (embedded() ? "embedded" : "***") + ", user=" + user + ", password=***]";
  }
}

package dev.remedia.api.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** An RFC 9457 problem detail: the body of every error answer. */
@Serdeable
public record Problem(
    String type, String title, int status, @Nullable String detail, @Nullable String instance) {

  public static final String MEDIA_TYPE = "application/problem+json";
}

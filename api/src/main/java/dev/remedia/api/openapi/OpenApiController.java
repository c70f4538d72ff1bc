package dev.remedia.api.openapi;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yml}: the OpenAPI 3 document of the whole HTTP API, open to anyone. It is written
 * by hand beside the code ({@code api/src/main/resources/openapi.yml}); a test holds it to the routes
 * the application really has.
 */
@Controller
class OpenApiController {

  static final String MEDIA_TYPE = "application/yaml";

  private final byte[] document;

  OpenApiController(ResourceResolver resources) {
    try (InputStream in =
        resources
            .getResourceAsStream("classpath:openapi.yml")
            .orElseThrow(() -> new IllegalStateException("openapi.yml is missing from the jar"))) {
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("openapi.yml cannot be read", e);
    }
  }

  @Get(uri = "/openapi.yml", produces = MEDIA_TYPE)
  HttpResponse<byte[]> document() {
    return HttpResponse.ok(document).contentType(MEDIA_TYPE);
  }
}

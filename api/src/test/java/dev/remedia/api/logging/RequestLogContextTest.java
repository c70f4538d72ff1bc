package dev.remedia.api.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.remedia.api.ApiTestSupport;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A request for {@code /api/runs/<id>/...} logs with the run id on the controller's thread, and a
 * request without an id logs with none, however the pool's threads are reused.
 */
@MicronautTest
@Property(name = "test.mdc-probe", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class RequestLogContextTest extends ApiTestSupport {

  @Test
  void theIdInThePathIsInTheMdcOfThatRequestOnly() throws Exception {
    for (int request = 0; request < 20; request++) {
      String runId = "http-check-" + request;
      assertEquals(Map.of("runId", runId), mdc("/api/runs/" + runId + "/mdc-probe"));
      assertEquals(Map.of(), mdc("/api/mdc-probe"));
    }
  }

  @Test
  void anIdIsLoggedAsSentStillUrlEncodedSoItCannotBreakALine() throws Exception {
    assertEquals(Map.of("runId", "a%0AERROR%20forged"), mdc("/api/runs/a%0AERROR%20forged/mdc-probe"));
  }

  private Map<String, String> mdc(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readValue(response.body(), JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
  }
}

package dev.remedia.runbooks.httpcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpCheckInputTest {

  @Test
  void optionalFieldsGetTheirDefaults() {
    HttpCheckInput input = new HttpCheckInput(" https://example.org/health ", null, null, null, null);

    assertEquals("https://example.org/health", input.url());
    assertEquals(HttpCheckInput.DEFAULT_TIMEOUT_SECONDS, input.timeoutSeconds());
    assertEquals(HttpCheckInput.DEFAULT_MAX_ATTEMPTS, input.maxAttempts());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''                  |     |   |    | url is required",
        "file:///etc/passwd  |     |   |    | url must start with http:// or https://",
        "http://             |     |   |    | url is not a valid URL: Expected authority",
        "http:/nohost        |     |   |    | url must name a host",
        "http://example.org  | 42  |   |    | expectedStatus must be an HTTP status from 100 to 599",
        "http://example.org  |     | 0 |    | timeoutSeconds must be from 1 to 120",
        "http://example.org  |     |   | 11 | maxAttempts must be from 1 to 10",
      })
  void invalidInputIsRefusedWithTheFieldNamed(
      String url, Integer expectedStatus, Integer timeout, Integer attempts, String message) {
    IllegalArgumentException error =
        assertThrows(
            IllegalArgumentException.class,
            () -> new HttpCheckInput(url, expectedStatus, timeout, attempts, null));
    assertEquals(message, error.getMessage());
  }

  @Test
  void overlongUrlsAreRefused() {
    String url = "http://example.org/" + "a".repeat(HttpCheckInput.MAX_URL_LENGTH);
    assertThrows(IllegalArgumentException.class, () -> new HttpCheckInput(url, null, null, null, null));
  }
}

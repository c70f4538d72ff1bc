package dev.remedia.cli.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.remedia.cli.UsageError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void keyValueWordsAreJsonWhenTheyAreJsonAndTextOtherwise() throws Exception {
    String input = RunInput.of(null, null, List.of(
        "url=https://example.net/health?x=1", "maxAttempts=2", "strict=true", "note=2 servers down",
        "version=007", "empty=", "tags=[\"a\",\"b\"]", "quoted=\"42\"")).toString();

    assertEquals(JSON.readTree("""
        {"url": "https://example.net/health?x=1", "maxAttempts": 2, "strict": true, "note": "2 servers down",
         "version": "007", "empty": "", "tags": ["a", "b"], "quoted": "42"}"""), JSON.readTree(input));
  }

  @Test
  void noInputIsAnEmptyObjectSoRemediaCanSayWhatIsRequired() {
    assertEquals("{}", RunInput.of(null, null, List.of()).toString());
  }

  @Test
  void theInputComesFromAnInlineObjectOrAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("input.json");
    Files.writeString(file, "{\"url\": \"https://example.net\"}\n");

    assertEquals("{\"maxAttempts\":1}", RunInput.of("{\"maxAttempts\": 1}", null, List.of()).toString());
    assertEquals("{\"url\":\"https://example.net\"}", RunInput.of(null, file, List.of()).toString());
  }

  @Test
  void mistakesAreUsageErrorsThatSayWhatIsWrong(@TempDir Path dir) {
    assertMistake("give the input one way", () -> RunInput.of("{}", null, List.of("a=1")));
    assertMistake("give the input one way", () -> RunInput.of("{}", dir.resolve("x.json"), List.of()));
    assertMistake("--input is not JSON", () -> RunInput.of("{\"url\":", null, List.of()));
    assertMistake("--input must be a JSON object", () -> RunInput.of("[1]", null, List.of()));
    assertMistake("cannot read --input-file", () -> RunInput.of(null, dir.resolve("missing.json"), List.of()));
    assertMistake("'url' is not key=value", () -> RunInput.of(null, null, List.of("url")));
    assertMistake("'=x' is not key=value", () -> RunInput.of(null, null, List.of("=x")));
    assertMistake("'url' is given twice", () -> RunInput.of(null, null, List.of("url=a", "url=b")));
  }

  private static void assertMistake(String message, org.junit.jupiter.api.function.Executable input) {
    UsageError error = assertThrows(UsageError.class, input);
    assertTrue(error.getMessage().contains(message), error.getMessage());
  }
}

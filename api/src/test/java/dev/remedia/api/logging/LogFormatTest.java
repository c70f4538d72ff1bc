package dev.remedia.api.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogFormatTest {

  private final List<String> warnings = new ArrayList<>();

  @Test
  void devModeLogsPlainTextAndProductionJson() {
    assertEquals("plain", choose(Map.of()));
    assertEquals("plain", choose(Map.of("TEMPORAL_ADDRESS", " ")));
    assertEquals("json", choose(Map.of("TEMPORAL_ADDRESS", "temporal:7233")));
    assertEquals(List.of(), warnings);
  }

  @Test
  void remediaLogFormatOverridesEitherWay() {
    assertEquals("json", choose(Map.of("REMEDIA_LOG_FORMAT", "JSON")));
    assertEquals("plain", choose(Map.of("REMEDIA_LOG_FORMAT", " plain ", "TEMPORAL_ADDRESS", "temporal:7233")));
  }

  @Test
  void anUnknownFormatIsReportedAndTheModesDefaultKept() {
    assertEquals("json", choose(Map.of("REMEDIA_LOG_FORMAT", "xml", "TEMPORAL_ADDRESS", "temporal:7233")));
    assertEquals(List.of("REMEDIA_LOG_FORMAT must be json or plain, not 'xml'; logging json"), warnings);
  }

  private String choose(Map<String, String> environment) {
    return LogFormat.choose(new HashMap<>(environment)::get, warnings::add);
  }
}

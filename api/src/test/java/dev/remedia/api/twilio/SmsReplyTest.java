package dev.remedia.api.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.remedia.api.twilio.SmsReply.Kind;
import dev.remedia.workflows.paging.SettleAction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsReplyTest {

  @ParameterizedTest
  @CsvSource({
    "'ACK 4821', ACKNOWLEDGE",
    "'ack4821', ACKNOWLEDGE",
    "'  Ack \t 4821 \n', ACKNOWLEDGE",
    "'acknowledge 4821', ACKNOWLEDGE",
    "'4821', ACKNOWLEDGE",
    "' 4821 ', ACKNOWLEDGE",
    "'RESOLVE 4821', RESOLVE",
    "'resolve   4821', RESOLVE"
  })
  void answersCarryTheActionAndTheCode(String text, SettleAction action) {
    assertEquals(new SmsReply(Kind.ANSWER, action, "4821"), SmsReply.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"STOP", "stop", " Stop ", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"})
  void twiliosOptOutKeywordsOptOut(String text) {
    assertEquals(Kind.OPT_OUT, SmsReply.parse(text).kind());
  }

  @ParameterizedTest
  @ValueSource(strings = {"START", "start", "YES", "UNSTOP"})
  void twiliosOptInKeywordsOptBackIn(String text) {
    assertEquals(Kind.OPT_IN, SmsReply.parse(text).kind());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "ACK", "ACK ABCD", "stop please", "4821 ACK", "RESOLVE 4821 now", "ACK 12345678901", "HELP"})
  void anythingElseIsUnrecognised(String text) {
    assertEquals(Kind.UNRECOGNISED, SmsReply.parse(text).kind());
  }
}

package dev.remedia.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.remedia.api.StartupFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Where the first admin token comes from in each mode, and that a made-up one is shown exactly once. */
class AdminTokenTest {

  private static final Pattern PRINTED =
      Pattern.compile("^Admin token for this run \\(dev mode; shown only here\\): export REMEDIA_ADMIN_TOKEN=(rmd_[A-Za-z0-9_-]{43})$");

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void aConfiguredTokenIsAnAdminTokenInEveryModeAndIsNeverPrinted() {
    String configured = "correct-horse-battery-staple-42";
    for (boolean devMode : new boolean[] {true, false}) {
      AdminToken admin = new AdminToken(configured, devMode, 0, console);
      admin.printOnce();

      Caller caller = admin.match(TokenHashes.hash(configured)).orElseThrow();
      assertEquals(new Caller(AdminToken.NAME, AdminToken.NAME, Role.ADMIN, null), caller);
      assertEquals(Optional.empty(), admin.match(TokenHashes.hash(configured + "x")));
    }
    assertEquals("", printed.toString(StandardCharsets.UTF_8));
  }

  @Test
  void devModeWithoutOneMakesATokenAndPrintsItOnceOnOneLine() {
    AdminToken admin = new AdminToken(" ", true, 0, console);
    admin.printOnce();
    admin.printOnce();

    String output = printed.toString(StandardCharsets.UTF_8);
    assertEquals(1, output.lines().count(), output);
    Matcher line = PRINTED.matcher(output.strip());
    assertTrue(line.matches(), output);
    assertTrue(admin.match(TokenHashes.hash(line.group(1))).isPresent(), "the printed token is the admin token");
  }

  @Test
  void productionWithoutOneHasNoAdminTokenAndPrintsNothing() {
    AdminToken admin = new AdminToken("", false, 0, console);
    admin.printOnce();

    assertEquals(Optional.empty(), admin.match(TokenHashes.hash("")));
    assertEquals("", printed.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aShortOrSpacedTokenStopsStartUpWithoutQuotingIt() {
    for (String weak : new String[] {"hunter2", "has a space in it, long enough"}) {
      StartupFailure failure = assertThrows(StartupFailure.class, () -> new AdminToken(weak, false, 0, console));
      assertTrue(failure.getMessage().startsWith("REMEDIA_ADMIN_TOKEN must be at least 16 visible ASCII characters"),
          failure.getMessage());
      assertTrue(!failure.getMessage().contains(weak), failure.getMessage());
    }
  }

  @Test
  void madeTokensAreRecognisableAndUnguessable() {
    String token = TokenHashes.newToken();
    assertTrue(token.matches("rmd_[A-Za-z0-9_-]{43}"), token);
    assertTrue(!token.equals(TokenHashes.newToken()));
    assertEquals(64, TokenHashes.hash(token).length());
  }
}

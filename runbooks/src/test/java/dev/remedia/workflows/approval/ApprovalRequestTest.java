package dev.remedia.workflows.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApprovalRequestTest {

  private static final ApprovalRequest REQUEST =
      ApprovalRequest.of("Roll firmware", "Flash 4.2.0", "wave 1 is healthy", "fleet-leads");

  @Test
  void aDeadlineWhoseMillisecondsOverflowIsRefused() {
    // Long.MAX_VALUE / 100 seconds times 1000 wraps to a negative deadline: the gate would expire at once.
    Duration huge = Duration.ofSeconds(Long.MAX_VALUE / 100);

    assertThrows(IllegalArgumentException.class, () -> REQUEST.expiringAfter(huge));
    assertThrows(
        IllegalArgumentException.class,
        () -> REQUEST.escalatingAfter(Duration.ofHours(1), "fleet-managers", null, huge));
  }

  @Test
  void aYearIsTheLongestWait() {
    assertEquals(
        ApprovalRequest.MAX_WAIT.toSeconds(), REQUEST.expiringAfter(ApprovalRequest.MAX_WAIT).deadlineSeconds());
    assertThrows(
        IllegalArgumentException.class,
        () -> REQUEST.expiringAfter(ApprovalRequest.MAX_WAIT.plusSeconds(1)));
  }
}

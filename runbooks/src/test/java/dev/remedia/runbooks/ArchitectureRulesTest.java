package dev.remedia.runbooks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Keeps the durable core pure: workflows/ and runbooks/ never reach for frameworks, databases, vendor
 * SDKs or the network (that is what activities are for), and never read the wall clock or randomness
 * directly, which would break replay.
 */
class ArchitectureRulesTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.remedia.workflows", "dev.remedia.runbooks");

  @Test
  void theCoreUsesNoFrameworkDatabaseVendorSdkOrNetworkClient() {
    assertNoViolation(
        noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.micronaut..",
            "jakarta.inject..",
            "java.sql..",
            "javax.sql..",
            "org.jooq..",
            "org.postgresql..",
            "com.zaxxer..",
            "org.flywaydb..",
            "com.slack..",
            "com.twilio..",
            "org.shredzone.acme4j..",
            "java.net.http..",
            "javax.net..",
            "java.nio.channels..",
            "io.netty..",
            "okhttp3..",
            "org.apache.hc..",
            "org.eclipse.paho..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.Socket")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.URLConnection")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.HttpURLConnection")
        .because("workflows and runbooks reach the world only through activity interfaces")
        .evaluate(CORE));
  }

  @Test
  void theCoreReadsTimeAndRandomnessOnlyThroughTemporal() {
    assertNoViolation(
        noClasses()
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(UUID.class, "randomUUID")
        .orShould()
        .callMethod(Thread.class, "sleep", long.class)
        .orShould()
        .callMethod(Math.class, "random")
        .orShould()
        .callMethod(ThreadLocalRandom.class, "current")
        .orShould()
        .callConstructor(Random.class)
        .orShould()
        .callConstructor(Thread.class, Runnable.class)
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(Clock.class.getName())
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("java.util.concurrent")
        .because("workflow code must replay identically: use Workflow.currentTimeMillis, "
            + "Workflow.randomUUID, Workflow.newRandom, Workflow.sleep and Async instead of threads")
        .evaluate(CORE));
  }

  private static void assertNoViolation(EvaluationResult result) {
    assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    assertFalse(CORE.isEmpty(), "no classes imported: the rule would pass vacuously");
  }
}

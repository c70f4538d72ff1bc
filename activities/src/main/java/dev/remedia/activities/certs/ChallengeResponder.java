package dev.remedia.activities.certs;

import org.shredzone.acme4j.challenge.Challenge;

/** Puts a challenge's answer where the CA will look for it, and takes it away afterwards. */
interface ChallengeResponder {

  /** The ACME challenge type this responder answers ({@code http-01}, {@code dns-01}). */
  String type();

  void present(String runId, String domain, Challenge challenge) throws Exception;

  void cleanup(String domain, Challenge challenge) throws Exception;
}

package dev.remedia.activities.certs;

/** Where a renewed certificate goes, from {@code certificates.deploy-targets} in the configuration. */
public sealed interface DeployTarget permits FileDeployTarget, HttpDeployTarget {

  String name();

  /** One line for the timeline. */
  String describe();

  /** Installs the chain and key; returns what was done, for the timeline. */
  String install(String chainPem, String keyPem) throws DeployException;

  /** Puts the previous chain and key back; returns what was done. */
  String rollback() throws DeployException;

  /** The target refused or broke: a failing reload, an unwritable directory, a hook's error status. */
  final class DeployException extends Exception {
    public DeployException(String message) {
      super(message);
    }
  }
}

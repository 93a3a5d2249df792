package org.zhusan.vault.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import picocli.CommandLine.Option;

/**
 * The {@code --key} option of the offline verifiers of signed files (a picocli mixin): the vault's
 * published Ed25519 public key, the access log's, as a PEM file.
 */
final class PublishedKeyOption {

  @Option(
      names = {"--key", "--public-key"},
      required = true,
      paramLabel = "PEM",
      description = "The vault's published Ed25519 public key (PEM, -----BEGIN PUBLIC KEY-----).")
  private Path path;

  /**
   * Reads the key, or prints why it cannot be read as {@code command}'s usage error and returns
   * {@code null} (the command then exits {@link OfflineCheck#USAGE}).
   */
  Ed25519PublicKeyParameters readOrReport(PrintWriter err, String command) {
    try {
      return OfflineCheck.publicKey(path);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      OfflineCheck.usageError(err, command, "cannot read the key " + path + ": " + e.getMessage());
      return null;
    }
  }
}

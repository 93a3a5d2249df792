package org.zhusan.vault.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.concurrent.Callable;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The frame of the offline verifiers of signed files ({@code verify-certificate}, {@code
 * verify-disclosure}): the {@code --key} option (the vault's published Ed25519 public key, the
 * access log's, as a PEM file), read before anything else; a key that cannot be read is a usage
 * error (exit {@link OfflineCheck#USAGE}). The rest is {@link #check}'s, with {@link OfflineCheck}.
 *
 * <p>Not thread-safe (picocli injects the options into the instance); create one per run.
 */
abstract class SignedFileCommand implements Callable<Integer> {

  private final String name;

  @Spec private CommandSpec spec;

  @Option(
      names = {"--key", "--public-key"},
      required = true,
      paramLabel = "PEM",
      description = "The vault's published Ed25519 public key (PEM, -----BEGIN PUBLIC KEY-----).")
  private Path key;

  /**
   * @param name the command's name, which prefixes its usage errors
   */
  SignedFileCommand(String name) {
    this.name = name;
  }

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Ed25519PublicKeyParameters publicKey;
    try {
      publicKey = OfflineCheck.publicKey(key);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      return usageError(err, "cannot read the key " + key + ": " + e.getMessage());
    }
    return check(out, err, publicKey);
  }

  /** Checks the file against {@code publicKey}, prints the verdict and returns the exit code. */
  abstract int check(PrintWriter out, PrintWriter err, Ed25519PublicKeyParameters publicKey);

  /** Prints {@code <name>: <message>} to {@code err} and returns {@link OfflineCheck#USAGE}. */
  final int usageError(PrintWriter err, String message) {
    return OfflineCheck.usageError(err, name, message);
  }
}

package org.zhusan.vault.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.function.UnaryOperator;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.zhusan.vault.audit.tree.CheckpointVerifier;

/**
 * What the offline verifiers of signed files ({@code verify-certificate}, {@code
 * verify-disclosure}) share: reading the published public key and the file, taking the signed JSON
 * out of a PDF, and the {@code VALID}/{@code INVALID} lines with their exit codes (0 valid, 1 not
 * valid, 2 command-line error or unreadable file).
 */
final class OfflineCheck {

  /** Exit code of a valid file. */
  static final int VALID = 0;

  /** Exit code of an invalid file. */
  static final int INVALID = 1;

  /** Exit code of a command-line error or a file that cannot be read. */
  static final int USAGE = 2;

  private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

  private OfflineCheck() {}

  /** Reads an Ed25519 public key PEM ({@code -----BEGIN PUBLIC KEY-----}). */
  static Ed25519PublicKeyParameters publicKey(Path pem)
      throws IOException, GeneralSecurityException {
    return new Ed25519PublicKeyParameters(CheckpointVerifier.fromPublicKeyPemFile(pem).publicKey());
  }

  /**
   * Reads a whole file of at most {@code maxBytes}.
   *
   * @throws IllegalArgumentException if it is larger
   */
  static byte[] read(Path path, long maxBytes) throws IOException {
    if (Files.size(path) > maxBytes) {
      throw new IllegalArgumentException("larger than " + maxBytes + " bytes");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes((int) maxBytes + 1);
    }
  }

  /** Returns whether {@code bytes} start like a PDF. */
  static boolean isPdf(byte[] bytes) {
    return startsWith(bytes, PDF_MAGIC);
  }

  /**
   * Returns {@code bytes}, or when they are a PDF its attachment as {@code attached} takes it out
   * (which throws {@link IllegalArgumentException} when there is none).
   */
  static byte[] fileOrAttachment(byte[] bytes, UnaryOperator<byte[]> attached) {
    return isPdf(bytes) ? attached.apply(bytes) : bytes;
  }

  /** Returns whether {@code bytes} start with {@code prefix}. */
  static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Prints {@code INVALID: <reason>} and returns {@link #INVALID}. */
  static int invalid(PrintWriter out, String reason) {
    out.println("INVALID: " + printable(reason));
    out.flush();
    return INVALID;
  }

  /** Prints {@code VALID: <summary>} (already printable); the caller adds details and flushes. */
  static void valid(PrintWriter out, String summary) {
    out.println("VALID: " + summary);
  }

  /** Prints {@code <command>: <message>} to {@code err} and returns {@link #USAGE}. */
  static int usageError(PrintWriter err, String command, String message) {
    err.println(command + ": " + message);
    err.flush();
    return USAGE;
  }

  /** Shows control characters from the file as escapes, so a name cannot rewrite the terminal. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
              } else {
                out.appendCodePoint(cp);
              }
            });
    return out.toString();
  }
}

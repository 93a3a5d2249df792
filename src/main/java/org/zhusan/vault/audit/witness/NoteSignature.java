package org.zhusan.vault.audit.witness;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a signed note: {@code — <name> <base64(4-byte key ID || signature)>\n},
 * starting with an em dash (U+2014). Which key made it, and whether it is valid, is for a {@link
 * NoteVerifierKey} to say; this is only the line.
 *
 * <p>Immutable; the signature bytes are copied in and out.
 *
 * @param name the signer's key name
 * @param keyId the signer's key ID
 * @param signature what follows the key ID: 64 bytes for Ed25519, 8 + 64 for a cosignature
 */
public record NoteSignature(String name, int keyId, byte[] signature) {

  /** The first characters of every signature line: em dash, space. */
  public static final String PREFIX = "\u2014 ";

  /** Checks the name and copies the signature, which must not be empty. */
  public NoteSignature {
    NoteVerifierKey.checkName(name);
    Objects.requireNonNull(signature, "signature is required.");
    if (signature.length == 0) {
      throw new IllegalArgumentException("signature must not be empty");
    }
    signature = signature.clone();
  }

  /**
   * Parses one line, with or without its final newline.
   *
   * @throws IllegalArgumentException if it is not a signature line
   */
  public static NoteSignature parseLine(String line) {
    Objects.requireNonNull(line, "line is required.");
    String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    if (!body.startsWith(PREFIX) || body.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("not a signature line");
    }
    String rest = body.substring(PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException("signature line has no signature");
    }
    String name = rest.substring(0, space);
    byte[] decoded = Text.base64(rest.substring(space + 1), "signature");
    if (decoded.length <= 4) {
      throw new IllegalArgumentException("signature is too short");
    }
    return new NoteSignature(
        name, ByteBuffer.wrap(decoded).getInt(), Arrays.copyOfRange(decoded, 4, decoded.length));
  }

  /** Returns a copy of the signature bytes (without the key ID). */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The line, ending in a newline. */
  public String line() {
    ByteBuffer bytes = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature);
    return PREFIX + name + " " + Base64.getEncoder().encodeToString(bytes.array()) + "\n";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteSignature other
        && name.equals(other.name)
        && keyId == other.keyId
        && Arrays.equals(signature, other.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, keyId, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return line().trim();
  }
}

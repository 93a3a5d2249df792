package org.zhusan.vault.audit.witness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A public key that checks signed-note signatures: a key name, a {@linkplain NoteKeyType type} and
 * a 32-byte Ed25519 public key (c2sp.org/signed-note "verifier keys").
 *
 * <p>The key ID is {@code SHA-256(name || 0x0A || type || public key)[:4]}, read big-endian. A
 * signature line is "by" this key only when both its name and its key ID match; a note's signature
 * lines by other keys are ignored, as the spec requires (that is how cosignatures ride along on the
 * log's note). Its text form is {@code <name>+<8 lower-case hex key ID>+<base64(type || public
 * key)>}, e.g. {@code PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}; that is
 * what a witness prints and what its users configure.
 *
 * <p>Immutable; the key is copied in and out.
 *
 * @param name the key name: non-empty, no Unicode spaces, no {@code +}
 * @param type plain note signatures or witness cosignatures
 * @param publicKey the raw 32-byte Ed25519 public key (RFC 8032 encoding)
 */
public record NoteVerifierKey(String name, NoteKeyType type, byte[] publicKey) {

  /** Checks the name and the key length and copies the key. */
  public NoteVerifierKey {
    checkName(name);
    Objects.requireNonNull(type, "type is required.");
    Objects.requireNonNull(publicKey, "publicKey is required.");
    if (publicKey.length != Ed25519.PUBLIC_KEY_SIZE) {
      throw new IllegalArgumentException(
          "an Ed25519 public key is 32 bytes, got " + publicKey.length);
    }
    publicKey = publicKey.clone();
  }

  /** A key for plain Ed25519 note signatures (type 0x01), e.g. the log's checkpoint key. */
  public static NoteVerifierKey ed25519(String name, byte[] publicKey) {
    return new NoteVerifierKey(name, NoteKeyType.ED25519, publicKey);
  }

  /** A witness's key for {@code cosignature/v1} cosignatures (type 0x04). */
  public static NoteVerifierKey cosigner(String name, byte[] publicKey) {
    return new NoteVerifierKey(name, NoteKeyType.COSIGNATURE_V1, publicKey);
  }

  /**
   * Parses the text form described on the type.
   *
   * @throws IllegalArgumentException if it is malformed, of an unsupported type, or its key ID does
   *     not match its name and key
   */
  public static NoteVerifierKey parse(String text) {
    Objects.requireNonNull(text, "text is required.");
    String[] parts = text.split("\\+", 3);
    if (parts.length != 3 || parts[1].length() != 8 || !parts[1].matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException("not a verifier key <name>+<8 hex>+<base64>");
    }
    byte[] typed = Text.base64(parts[2], "verifier key");
    if (typed.length != 1 + Ed25519.PUBLIC_KEY_SIZE) {
      throw new IllegalArgumentException("verifier key must hold a type byte and 32 key bytes");
    }
    NoteVerifierKey key =
        new NoteVerifierKey(
            parts[0], NoteKeyType.of(typed[0]), Arrays.copyOfRange(typed, 1, typed.length));
    if (!key.keyIdHex().equals(parts[1])) {
      throw new IllegalArgumentException("verifier key ID does not match its name and key");
    }
    return key;
  }

  /**
   * Checks a key name (also a signature line's name): non-empty, no Unicode spaces, no {@code +},
   * no control characters.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static void checkName(String name) {
    Objects.requireNonNull(name, "name is required.");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("key name must not be empty");
    }
    name.codePoints()
        .forEach(
            cp -> {
              if (cp == '+'
                  || Character.isWhitespace(cp)
                  || Character.isSpaceChar(cp)
                  || Character.isISOControl(cp)) {
                throw new IllegalArgumentException(
                    "key name must not contain spaces, '+' or control characters");
              }
            });
  }

  /** The 32-bit key ID (first four bytes of the SHA-256 described on the type, big-endian). */
  public int keyId() {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(name.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) '\n');
      sha256.update(type.id());
      sha256.update(publicKey);
      return ByteBuffer.wrap(sha256.digest()).getInt();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** The key ID as 8 lower-case hex digits. */
  public String keyIdHex() {
    return HexFormat.of().toHexDigits(keyId());
  }

  /** Returns a copy of the public key. */
  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** Whether {@code signature} claims to be by this key (same name and key ID). */
  public boolean names(NoteSignature signature) {
    return signature.name().equals(name) && signature.keyId() == keyId();
  }

  /**
   * Whether {@code signature} is by this key and valid over {@code text} (a note text, ending in a
   * newline): a plain Ed25519 signature of the text, or a {@code cosignature/v1} of it.
   */
  public boolean verifies(String text, NoteSignature signature) {
    Objects.requireNonNull(text, "text is required.");
    Objects.requireNonNull(signature, "signature is required.");
    if (!names(signature)) {
      return false;
    }
    return switch (type) {
      case ED25519 ->
          Ed25519.verify(publicKey, text.getBytes(StandardCharsets.UTF_8), signature.signature());
      case COSIGNATURE_V1 -> Cosignature.verify(publicKey, text, signature);
    };
  }

  /** The text form described on the type. */
  public String format() {
    byte[] typed = new byte[1 + publicKey.length];
    typed[0] = type.id();
    System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
    return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(typed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteVerifierKey other
        && name.equals(other.name)
        && type == other.type
        && Arrays.equals(publicKey, other.publicKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, Arrays.hashCode(publicKey));
  }

  @Override
  public String toString() {
    return format();
  }
}

package org.zhusan.vault.signedjson;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A signed canonical-JSON file of one format: the body's members (RFC 8785 canonical JSON, see
 * {@link CanonicalJson}, with a {@code "format"} member) plus {@code "signature":
 * {"algorithm":"Ed25519","keyId":…,"value":base64}}, canonical, followed by one line feed. The
 * Ed25519 signature covers {@link #signedMessage}: the format and a line feed in ASCII, then the
 * canonical body (domain separation: a signature over one format cannot be taken for another).
 *
 * <p>{@link #verify} checks, in this order, that the file is exactly its canonical form plus one
 * line feed (so any changed byte fails), names this format, has a well-formed signature member
 * (algorithm Ed25519, a 16-hex-digit key id, 64 bytes in canonical padded base64), names the given
 * key and verifies under it; it returns the body for the format's own schema check.
 *
 * <p>Immutable and thread-safe.
 */
public final class SignedJsonFile {

  /** The signature algorithm named in the {@code "signature"} member. */
  public static final String ALGORITHM = "Ed25519";

  private static final int SIGNATURE_BYTES = 64;
  private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
  private static final Set<String> SIGNATURE_MEMBERS = Set.of("algorithm", "keyId", "value");

  private final String format;
  private final String noun;
  private final byte[] prefix;

  /**
   * @param format the value of the {@code "format"} member and the signed message's first line
   * @param noun what a file of this format is called in reasons, e.g. {@code "certificate"}
   */
  public SignedJsonFile(String format, String noun) {
    this.format = Objects.requireNonNull(format, "format is required.");
    this.noun = Objects.requireNonNull(noun, "noun is required.");
    this.prefix = (format + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Returns the format this file carries. */
  public String format() {
    return format;
  }

  /**
   * The signature member of a signed file.
   *
   * @param algorithm always {@value SignedJsonFile#ALGORITHM} in a well-formed file
   * @param keyId the signing key's id ({@link SignedJsonFile#keyId})
   * @param value the signature, base64 (RFC 4648, padded)
   */
  public record Signature(String algorithm, String keyId, String value) {
    /** Validates that the fields are present. */
    public Signature {
      Objects.requireNonNull(algorithm, "algorithm is required.");
      Objects.requireNonNull(keyId, "keyId is required.");
      Objects.requireNonNull(value, "value is required.");
    }
  }

  /** Why a file is or is not validly signed (checked in this order). */
  public enum Status {
    /** Canonical, of this format, and signed by the given key. */
    VALID,
    /** Not UTF-8 JSON, not an object, or not byte for byte in canonical form plus one newline. */
    NOT_CANONICAL_JSON,
    /** The format member is missing or names another format. */
    UNKNOWN_FORMAT,
    /** There is no signature member. */
    MISSING_SIGNATURE,
    /** The signature member is not exactly algorithm Ed25519, a key id and a base64 value. */
    MALFORMED_SIGNATURE,
    /** The file names another signing key than the one given. */
    KEY_ID_MISMATCH,
    /** The signature does not verify: the file was altered after signing. */
    BAD_SIGNATURE
  }

  /**
   * The verdict of {@link #verify}.
   *
   * @param status {@link Status#VALID} or why not
   * @param reason a one-line explanation in English (empty when valid)
   * @param body the signed body (the object without {@code "signature"}) when valid, else {@code
   *     null}
   * @param keyId the key id the file names, when it could be read, otherwise {@code null}
   */
  public record Result(Status status, String reason, JsonObject body, String keyId) {
    /** Validates that a valid result carries its body. */
    public Result {
      requireVerdict(status, reason, status == Status.VALID, body, "a body");
    }

    /** Returns whether the file is validly signed by the given key. */
    public boolean valid() {
      return status == Status.VALID;
    }

    static Result invalid(Status status, String reason, String keyId) {
      return new Result(status, reason, null, keyId);
    }
  }

  /**
   * Validates the fields of a verdict (this class's {@link Result}, a format's own): a status and a
   * reason are required, and {@code value}, what was verified, comes with, and only with, a valid
   * status.
   *
   * @param what how {@code value} is called in the exception, e.g. {@code "a certificate"}
   */
  public static void requireVerdict(
      Object status, String reason, boolean valid, Object value, String what) {
    Objects.requireNonNull(status, "status is required.");
    Objects.requireNonNull(reason, "reason is required.");
    if (valid != (value != null)) {
      throw new IllegalArgumentException(what + " comes with, and only with, VALID");
    }
  }

  /** Returns the bytes the signature covers: the format, {@code \n}, then {@code body}. */
  public byte[] signedMessage(byte[] body) {
    Objects.requireNonNull(body, "body is required.");
    byte[] message = Arrays.copyOf(prefix, prefix.length + body.length);
    System.arraycopy(body, 0, message, prefix.length, body.length);
    return message;
  }

  /**
   * Returns the signed file: the body's members plus the {@code "signature"} member, canonical,
   * followed by one {@code \n}.
   *
   * @param body a canonical body of this format, without a signature member
   * @param signature the 64-byte Ed25519 signature of {@link #signedMessage signedMessage(body)}
   * @param keyId the signing key's id, 16 lower-case hex digits ({@link #keyId})
   * @throws IllegalArgumentException if {@code body} is not a canonical unsigned body of this
   *     format, the signature is not 64 bytes, or the key id is malformed
   */
  public byte[] signedFile(byte[] body, byte[] signature, String keyId) {
    Objects.requireNonNull(body, "body is required.");
    Objects.requireNonNull(signature, "signature is required.");
    Objects.requireNonNull(keyId, "keyId is required.");
    if (signature.length != SIGNATURE_BYTES) {
      throw new IllegalArgumentException(
          "an Ed25519 signature has 64 bytes, not " + signature.length);
    }
    if (!KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException("keyId must be 16 lower-case hex digits");
    }
    JsonObject object = parseObject(body);
    if (!Arrays.equals(CanonicalJson.serialize(object), body)) {
      throw new IllegalArgumentException("body is not in canonical form");
    }
    if (object.containsKey("signature")) {
      throw new IllegalArgumentException("body already has a signature member");
    }
    if (!format.equals(formatOf(object))) {
      throw new IllegalArgumentException("body is not a " + format + " " + noun);
    }
    JsonObject signed =
        Json.createObjectBuilder(object)
            .add(
                "signature",
                Json.createObjectBuilder()
                    .add("algorithm", ALGORITHM)
                    .add("keyId", keyId)
                    .add("value", Base64.getEncoder().encodeToString(signature)))
            .build();
    return withNewline(CanonicalJson.serialize(signed));
  }

  /**
   * Checks a signed file against {@code key} (see the class comment); never throws for bad input. A
   * valid result carries the body, which the caller still checks against its schema.
   */
  public Result verify(byte[] file, Ed25519PublicKeyParameters key) {
    Objects.requireNonNull(file, "file is required.");
    Objects.requireNonNull(key, "key is required.");

    JsonObject object;
    byte[] canonical;
    try {
      object = parseObject(file);
      canonical = withNewline(CanonicalJson.serialize(object));
    } catch (IllegalArgumentException e) {
      return Result.invalid(Status.NOT_CANONICAL_JSON, e.getMessage(), null);
    }
    int difference = Arrays.mismatch(canonical, file);
    if (difference >= 0) {
      return Result.invalid(
          Status.NOT_CANONICAL_JSON,
          "the file is not in canonical JSON form followed by one newline (first difference at byte"
              + " "
              + difference
              + ")",
          null);
    }

    JsonObject body = withoutSignature(object);
    if (!format.equals(formatOf(body))) {
      return Result.invalid(
          Status.UNKNOWN_FORMAT,
          "the format is not " + format + " (found " + body.get("format") + ")",
          null);
    }
    if (!object.containsKey("signature")) {
      return Result.invalid(Status.MISSING_SIGNATURE, "the " + noun + " has no signature", null);
    }

    Signature signature;
    try {
      signature = signatureOf(object);
    } catch (IllegalArgumentException e) {
      return Result.invalid(Status.MALFORMED_SIGNATURE, e.getMessage(), null);
    }
    if (!ALGORITHM.equals(signature.algorithm())) {
      return Result.invalid(
          Status.MALFORMED_SIGNATURE,
          "the signature algorithm is " + signature.algorithm() + ", not Ed25519",
          null);
    }
    if (!KEY_ID.matcher(signature.keyId()).matches()) {
      return Result.invalid(
          Status.MALFORMED_SIGNATURE, "the key id is not 16 lower-case hex digits", null);
    }
    byte[] signatureBytes;
    try {
      signatureBytes = Base64.getDecoder().decode(signature.value());
    } catch (IllegalArgumentException e) {
      signatureBytes = null;
    }
    // Only the one canonical encoding: Java's decoder ignores non-zero padding bits.
    if (signatureBytes == null
        || signatureBytes.length != SIGNATURE_BYTES
        || !Base64.getEncoder().encodeToString(signatureBytes).equals(signature.value())) {
      return Result.invalid(
          Status.MALFORMED_SIGNATURE,
          "the signature value is not 64 bytes in canonical padded base64",
          signature.keyId());
    }

    String expectedKeyId = keyId(key);
    if (!expectedKeyId.equals(signature.keyId())) {
      return Result.invalid(
          Status.KEY_ID_MISMATCH,
          "the "
              + noun
              + " names signing key "
              + signature.keyId()
              + ", but the key given is "
              + expectedKeyId,
          signature.keyId());
    }

    byte[] message = signedMessage(CanonicalJson.serialize(body));
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, key);
    verifier.update(message, 0, message.length);
    if (!verifier.verifySignature(signatureBytes)) {
      return Result.invalid(
          Status.BAD_SIGNATURE,
          "the signature does not match the " + noun + ": it was altered after signing",
          signature.keyId());
    }
    return new Result(Status.VALID, "", body, signature.keyId());
  }

  /**
   * Returns the id of an Ed25519 public key: the first 16 lower-case hex digits of the SHA-256 of
   * its raw 32-byte encoding (RFC 8032).
   */
  public static String keyId(Ed25519PublicKeyParameters key) {
    Objects.requireNonNull(key, "key is required.");
    return keyId(key.getEncoded());
  }

  /**
   * Returns the key id of a raw 32-byte Ed25519 public key; see {@link
   * #keyId(Ed25519PublicKeyParameters)}.
   */
  public static String keyId(byte[] rawPublicKey) {
    Objects.requireNonNull(rawPublicKey, "rawPublicKey is required.");
    if (rawPublicKey.length != Ed25519PublicKeyParameters.KEY_SIZE) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawPublicKey);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * Parses strict UTF-8 JSON that must be one object (whitespace tolerated).
   *
   * @throws IllegalArgumentException if it is not
   */
  public static JsonObject parseObject(byte[] bytes) {
    JsonValue value = CanonicalJson.parse(bytes);
    if (!(value instanceof JsonObject object)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    return object;
  }

  /** Returns {@code object} without its {@code "signature"} member, if any. */
  public static JsonObject withoutSignature(JsonObject object) {
    return Json.createObjectBuilder(object).remove("signature").build();
  }

  /**
   * Returns the {@code "signature"} member of a parsed file.
   *
   * @throws IllegalArgumentException if there is none or it is not an object of exactly three
   *     strings
   */
  public static Signature signatureOf(JsonObject object) {
    JsonValue value = object.get("signature");
    if (value == null) {
      throw new IllegalArgumentException("no signature member");
    }
    if (!(value instanceof JsonObject signature)) {
      throw new IllegalArgumentException("the signature member is not an object");
    }
    JsonFields.requireMembers(signature, SIGNATURE_MEMBERS, "signature");
    return new Signature(
        JsonFields.string(signature, "algorithm"),
        JsonFields.string(signature, "keyId"),
        JsonFields.string(signature, "value"));
  }

  /** Returns {@code canonical} followed by one line feed. */
  public static byte[] withNewline(byte[] canonical) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(canonical.length + 1);
    out.writeBytes(canonical);
    out.write('\n');
    return out.toByteArray();
  }

  private static String formatOf(JsonObject object) {
    return object.get("format") instanceof JsonString s ? s.getString() : null;
  }
}

package org.zhusan.vault.records.certificate;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Checks a signed certificate file offline against the vault's published Ed25519 public key (the
 * access log's checkpoint key). Any change to any byte of the file makes it fail:
 *
 * <ol>
 *   <li>The file must be strict UTF-8 JSON, one object, and exactly its own canonical form ({@link
 *       CanonicalJson}) followed by one {@code \n}: re-serialising what was parsed must give back
 *       every byte, so a change of whitespace, escaping, member order or number form fails here
 *       ({@link Status#NOT_CANONICAL_JSON}).
 *   <li>{@code "format"} must be {@value CertificateJson#FORMAT} ({@link Status#UNKNOWN_FORMAT}).
 *   <li>{@code "signature"} must be present ({@link Status#MISSING_SIGNATURE}) and well formed:
 *       algorithm {@code Ed25519}, a 16-hex-digit key id, a value in canonical padded base64 of 64
 *       bytes ({@link Status#MALFORMED_SIGNATURE}).
 *   <li>Its key id must be the given key's {@link #keyId} ({@link Status#KEY_ID_MISMATCH}).
 *   <li>The signature must verify over {@link CertificateJson#signedMessage} of the canonical body,
 *       i.e. the object without {@code "signature"} ({@link Status#BAD_SIGNATURE}).
 *   <li>The body must be a complete v1 certificate ({@link Status#MALFORMED_CERTIFICATE}).
 * </ol>
 *
 * <p>Stateless and thread-safe.
 */
public final class CertificateVerifier {

  private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");

  private CertificateVerifier() {}

  /** Why a file is or is not a valid certificate. */
  public enum Status {
    /** The file is a certificate signed by the given key. */
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
    /** The signature does not verify: the certificate was altered or signed by another key. */
    BAD_SIGNATURE,
    /** Correctly signed, but the body is not a complete v1 certificate. */
    MALFORMED_CERTIFICATE
  }

  /**
   * The verdict.
   *
   * @param status {@link Status#VALID} or why not
   * @param reason a one-line explanation in English (for {@code VALID}, a summary)
   * @param certificate the certificate when valid, otherwise {@code null}
   * @param keyId the key id the file names, when it could be read, otherwise {@code null}
   */
  public record Result(
      Status status, String reason, DestructionCertificate certificate, String keyId) {

    /** Validates that a valid result carries its certificate. */
    public Result {
      Objects.requireNonNull(status, "status is required.");
      Objects.requireNonNull(reason, "reason is required.");
      if ((status == Status.VALID) != (certificate != null)) {
        throw new IllegalArgumentException("a certificate comes with, and only with, VALID");
      }
    }

    /** Returns whether the file is a valid certificate signed by the given key. */
    public boolean valid() {
      return status == Status.VALID;
    }

    static Result invalid(Status status, String reason, String keyId) {
      return new Result(status, reason, null, keyId);
    }
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

  /** Verifies a signed certificate file against {@code key}; never throws for bad input. */
  public static Result verify(byte[] file, Ed25519PublicKeyParameters key) {
    Objects.requireNonNull(file, "file is required.");
    Objects.requireNonNull(key, "key is required.");

    JsonObject object;
    try {
      object = CertificateJson.parseObject(file);
    } catch (IllegalArgumentException e) {
      return Result.invalid(Status.NOT_CANONICAL_JSON, e.getMessage(), null);
    }
    byte[] canonical;
    try {
      canonical = CertificateJson.withNewline(CanonicalJson.serialize(object));
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

    JsonObject body = CertificateJson.withoutSignature(object);
    Object format = body.get("format");
    if (!(format instanceof JsonString s) || !CertificateJson.FORMAT.equals(s.getString())) {
      return Result.invalid(
          Status.UNKNOWN_FORMAT,
          "the format is not " + CertificateJson.FORMAT + " (found " + format + ")",
          null);
    }
    if (!object.containsKey("signature")) {
      return Result.invalid(Status.MISSING_SIGNATURE, "the file has no signature", null);
    }

    CertificateJson.Signature signature;
    try {
      signature = CertificateJson.signatureOf(object);
    } catch (IllegalArgumentException e) {
      return Result.invalid(Status.MALFORMED_SIGNATURE, e.getMessage(), null);
    }
    if (!CertificateJson.ALGORITHM.equals(signature.algorithm())) {
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
        || signatureBytes.length != Ed25519PublicKeyParameters.KEY_SIZE * 2
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
          "the certificate names signing key "
              + signature.keyId()
              + ", but the key given is "
              + expectedKeyId,
          signature.keyId());
    }

    byte[] message = CertificateJson.signedMessage(CanonicalJson.serialize(body));
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(false, key);
    signer.update(message, 0, message.length);
    if (!signer.verifySignature(signatureBytes)) {
      return Result.invalid(
          Status.BAD_SIGNATURE,
          "the signature does not match the certificate: it was altered after signing",
          signature.keyId());
    }

    DestructionCertificate certificate;
    try {
      certificate = CertificateJson.fromJson(body);
    } catch (IllegalArgumentException e) {
      return Result.invalid(
          Status.MALFORMED_CERTIFICATE,
          "signed, but not a complete v1 certificate: " + e.getMessage(),
          signature.keyId());
    }
    return new Result(
        Status.VALID,
        "certificate "
            + certificate.id()
            + " for document "
            + certificate.documentId()
            + ", signed by key "
            + signature.keyId(),
        certificate,
        signature.keyId());
  }
}

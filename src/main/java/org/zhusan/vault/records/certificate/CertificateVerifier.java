package org.zhusan.vault.records.certificate;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.zhusan.vault.signedjson.CanonicalJson;
import org.zhusan.vault.signedjson.SignedJsonFile;

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
 * <p>Steps 1 to 5 are {@link SignedJsonFile#verify}'s, shared with the disclosure manifests.
 *
 * <p>Stateless and thread-safe.
 */
public final class CertificateVerifier {

  private CertificateVerifier() {}

  /** Why a file is or is not a valid certificate. */
  public enum Status {
    /** The file is a certificate signed by the given key. */
    VALID,
    // The next six are SignedJsonFile.Status's, in its order; see there.
    NOT_CANONICAL_JSON,
    UNKNOWN_FORMAT,
    MISSING_SIGNATURE,
    MALFORMED_SIGNATURE,
    KEY_ID_MISMATCH,
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
      SignedJsonFile.requireVerdict(
          status, reason, status == Status.VALID, certificate, "a certificate");
    }

    /** Returns whether the file is a valid certificate signed by the given key. */
    public boolean valid() {
      return status == Status.VALID;
    }
  }

  /**
   * Returns the id of an Ed25519 public key: the first 16 lower-case hex digits of the SHA-256 of
   * its raw 32-byte encoding (RFC 8032).
   */
  public static String keyId(Ed25519PublicKeyParameters key) {
    return SignedJsonFile.keyId(key);
  }

  /**
   * Returns the key id of a raw 32-byte Ed25519 public key; see {@link
   * #keyId(Ed25519PublicKeyParameters)}.
   */
  public static String keyId(byte[] rawPublicKey) {
    return SignedJsonFile.keyId(rawPublicKey);
  }

  /** Verifies a signed certificate file against {@code key}; never throws for bad input. */
  public static Result verify(byte[] file, Ed25519PublicKeyParameters key) {
    SignedJsonFile.Result signed = CertificateJson.FILE.verify(file, key);
    if (!signed.valid()) {
      return new Result(
          Status.valueOf(signed.status().name()), signed.reason(), null, signed.keyId());
    }
    DestructionCertificate certificate;
    try {
      certificate = CertificateJson.fromJson(signed.body());
    } catch (IllegalArgumentException e) {
      return new Result(
          Status.MALFORMED_CERTIFICATE,
          "signed, but not a complete v1 certificate: " + e.getMessage(),
          null,
          signed.keyId());
    }
    return new Result(
        Status.VALID,
        "certificate "
            + certificate.id()
            + " for document "
            + certificate.documentId()
            + ", signed by key "
            + signed.keyId(),
        certificate,
        signed.keyId());
  }
}

package org.zhusan.vault.audit.tree;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.util.Base64;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Checks checkpoint signatures with the log's Ed25519 public key, loaded from an X.509
 * SubjectPublicKeyInfo PEM file ({@code -----BEGIN PUBLIC KEY-----}). This and the export are all
 * an auditor needs to verify the log offline.
 *
 * <p>Thread-safe: each {@link #verify} uses its own signer instance.
 */
public final class CheckpointVerifier {

  private final Ed25519PublicKeyParameters publicKey;

  /** Creates a verifier for {@code publicKey}. */
  public CheckpointVerifier(Ed25519PublicKeyParameters publicKey) {
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey is required.");
  }

  /**
   * Loads the public key from PEM text.
   *
   * @throws InvalidKeyException if the text is not exactly one Ed25519 SubjectPublicKeyInfo
   */
  public static CheckpointVerifier fromPublicKeyPem(Reader pem)
      throws IOException, InvalidKeyException {
    Objects.requireNonNull(pem, "pem is required.");
    return new CheckpointVerifier(Ed25519Pem.readPublicKey(pem));
  }

  /** Loads the public key from a PEM file; see {@link #fromPublicKeyPem(Reader)}. */
  public static CheckpointVerifier fromPublicKeyPemFile(Path file)
      throws IOException, InvalidKeyException {
    Objects.requireNonNull(file, "file is required.");
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      return fromPublicKeyPem(reader);
    }
  }

  /** Returns whether the signature is a valid Ed25519 signature of the checkpoint's body. */
  public boolean verify(SignedCheckpoint signed) {
    Objects.requireNonNull(signed, "signed is required.");
    byte[] body = signed.checkpoint().bodyBytes();
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(false, publicKey);
    signer.update(body, 0, body.length);
    return signer.verifySignature(signed.signature());
  }

  /** Returns the raw 32-byte public key (RFC 8032 encoding). */
  public byte[] publicKey() {
    return publicKey.getEncoded();
  }

  @Override
  public String toString() {
    return "CheckpointVerifier[ed25519:"
        + Base64.getEncoder().encodeToString(publicKey.getEncoded())
        + "]";
  }
}

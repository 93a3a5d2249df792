package org.zhusan.vault.audit.tree;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Signs checkpoints with the log's Ed25519 private key (RFC 8032 pure Ed25519 over the checkpoint
 * {@linkplain Checkpoint#bodyBytes() body}, BouncyCastle {@link Ed25519Signer}).
 *
 * <p>Runs only in the server: the private key must never be stored in the database. It is loaded
 * from an unencrypted PKCS#8 PEM file, e.g. one made by {@code openssl genpkey -algorithm ed25519}.
 * The key is held privately and never printed ({@link #toString()} shows the public key only).
 *
 * <p>Thread-safe: each {@link #sign} uses its own signer instance.
 */
public final class CheckpointSigner {

  private final Ed25519PrivateKeyParameters privateKey;
  private final CheckpointVerifier verifier;

  /** Creates a signer for {@code privateKey}. */
  public CheckpointSigner(Ed25519PrivateKeyParameters privateKey) {
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey is required.");
    this.verifier = new CheckpointVerifier(privateKey.generatePublicKey());
  }

  /**
   * Loads the private key from PEM text.
   *
   * @throws InvalidKeyException if the text is not exactly one unencrypted PKCS#8 Ed25519 key
   */
  public static CheckpointSigner fromPkcs8Pem(Reader pem) throws IOException, InvalidKeyException {
    Objects.requireNonNull(pem, "pem is required.");
    return new CheckpointSigner(Ed25519Pem.readPrivateKey(pem));
  }

  /** Loads the private key from a PEM file; see {@link #fromPkcs8Pem(Reader)}. */
  public static CheckpointSigner fromPkcs8PemFile(Path file)
      throws IOException, InvalidKeyException {
    Objects.requireNonNull(file, "file is required.");
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      return fromPkcs8Pem(reader);
    }
  }

  /** Signs the checkpoint's body. */
  public SignedCheckpoint sign(Checkpoint checkpoint) {
    Objects.requireNonNull(checkpoint, "checkpoint is required.");
    byte[] body = checkpoint.bodyBytes();
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(body, 0, body.length);
    return new SignedCheckpoint(checkpoint, signer.generateSignature());
  }

  /** Returns the verifier for this signer's public key. */
  public CheckpointVerifier verifier() {
    return verifier;
  }

  @Override
  public String toString() {
    return "CheckpointSigner[" + verifier + "]";
  }
}

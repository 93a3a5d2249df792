package org.zhusan.vault.audit.tree;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
  private final String keyId;

  /** Creates a signer for {@code privateKey}. */
  public CheckpointSigner(Ed25519PrivateKeyParameters privateKey) {
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey is required.");
    this.verifier = new CheckpointVerifier(privateKey.generatePublicKey());
    this.keyId = keyIdOf(verifier.publicKey());
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

  /**
   * Signs {@code message} as it is (RFC 8032 pure Ed25519), for statements other than checkpoints
   * that the vault vouches for with the log key, e.g. certificates of destruction. The caller must
   * domain-separate its message (start it with a prefix naming its format and version, as {@code
   * CertificateJson.signedMessage} does), so that no signature made here can be passed off as a
   * checkpoint's, or as another kind of statement's, signature. Checkpoint bodies begin with their
   * origin line; do not sign anything that could be read as one.
   *
   * @return the 64-byte signature
   */
  public byte[] signDetached(byte[] message) {
    Objects.requireNonNull(message, "message is required.");
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /**
   * Returns this key's id: the first 16 lower-case hex digits of the SHA-256 of the raw 32-byte
   * public key (the same rule as {@code CertificateVerifier.keyId}), which signed statements name
   * so that a verifier can tell which published key to use.
   */
  public String keyId() {
    return keyId;
  }

  private static String keyIdOf(byte[] rawPublicKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawPublicKey);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
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

package org.zhusan.vault.audit.witness;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * A named Ed25519 private key that signs notes (type 0x01) and, for a witness, makes {@code
 * cosignature/v1} cosignatures (type 0x04). The two share the key but not the key ID, and a
 * cosignature's signed message starts with {@code cosignature/v1\n}, so neither can pass for the
 * other. Operate one key per witness: a {@code cosignature/v1} does not commit to the witness's
 * name.
 *
 * <p>The private key is never printed ({@link #toString()} shows the cosigner key). Thread-safe.
 */
public final class NoteSigner {

  private final String name;
  private final Ed25519PrivateKeyParameters privateKey;
  private final byte[] publicKey;

  /** Creates a signer named {@code name} (a valid key name) for {@code privateKey}. */
  public NoteSigner(String name, Ed25519PrivateKeyParameters privateKey) {
    NoteVerifierKey.checkName(name);
    this.name = name;
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey is required.");
    this.publicKey = privateKey.generatePublicKey().getEncoded();
  }

  /** Creates a signer from a 32-byte RFC 8032 private key (seed). */
  public static NoteSigner fromSeed(String name, byte[] seed) {
    Objects.requireNonNull(seed, "seed is required.");
    if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
      throw new IllegalArgumentException("an Ed25519 private key is 32 bytes");
    }
    return new NoteSigner(name, new Ed25519PrivateKeyParameters(seed, 0));
  }

  /** The key name. */
  public String name() {
    return name;
  }

  /** The verifier key for this signer's plain note signatures (type 0x01). */
  public NoteVerifierKey verifierKey() {
    return NoteVerifierKey.ed25519(name, publicKey);
  }

  /** The verifier key for this signer's cosignatures (type 0x04): what a witness publishes. */
  public NoteVerifierKey cosignerKey() {
    return NoteVerifierKey.cosigner(name, publicKey);
  }

  /** Signs a note text (ending in a newline) with plain Ed25519. */
  public NoteSignature sign(String text) {
    Objects.requireNonNull(text, "text is required.");
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new IllegalArgumentException("note text must end with a newline");
    }
    return new NoteSignature(
        name,
        verifierKey().keyId(),
        Ed25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Co-signs a checkpoint text as of {@code timestamp} (POSIX seconds); see {@link Cosignature}.
   */
  public NoteSignature cosign(String checkpointText, long timestamp) {
    byte[] message = Cosignature.signedMessage(checkpointText, timestamp);
    return Cosignature.line(cosignerKey(), timestamp, Ed25519.sign(privateKey, message));
  }

  @Override
  public String toString() {
    return "NoteSigner[" + cosignerKey() + "]";
  }
}

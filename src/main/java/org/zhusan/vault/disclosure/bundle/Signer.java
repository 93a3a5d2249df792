package org.zhusan.vault.disclosure.bundle;

/**
 * Signs a manifest. Signing is the server's ({@code CheckpointSigner.signDetached} with the log's
 * Ed25519 key); the bundle code only gets this, and hands it {@link Manifest#signedMessage}, which
 * is domain-separated.
 */
public interface Signer {

  /** Returns the 64-byte Ed25519 signature of {@code message} as it is. */
  byte[] sign(byte[] message);

  /** Returns the signing key's id: 16 lower-case hex digits (see CheckpointSigner.keyId). */
  String keyId();
}

package org.zhusan.vault.audit.witness;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Pure Ed25519 (RFC 8032) over whole messages with BouncyCastle, as {@code audit.tree} does. */
final class Ed25519 {

  static final int PUBLIC_KEY_SIZE = 32;
  static final int SIGNATURE_SIZE = 64;

  private Ed25519() {}

  static byte[] sign(Ed25519PrivateKeyParameters key, byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, key);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_SIZE) {
      return false;
    }
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
    signer.update(message, 0, message.length);
    return signer.verifySignature(signature);
  }
}

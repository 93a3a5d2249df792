package org.zhusan.vault.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * HKDF-SHA256 (RFC 5869) through BouncyCastle's {@link HKDFBytesGenerator}; derives per-stream
 * segment keys and per-purpose blind-index keys.
 *
 * <p>Thread safety: stateless; a new generator per call.
 */
final class Hkdf {
  private Hkdf() {}

  /**
   * Extract-then-expand.
   *
   * @param salt may be null (RFC 5869: a string of zero bytes)
   */
  static byte[] sha256(byte[] ikm, byte[] salt, byte[] info, int length) {
    HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
    generator.init(new HKDFParameters(ikm, salt, info));
    byte[] out = new byte[length];
    generator.generateBytes(out, 0, length);
    return out;
  }
}

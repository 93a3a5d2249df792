package org.zhusan.vault.crypto;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * HKDF-SHA256 (RFC 5869) through BouncyCastle's {@link HKDFBytesGenerator}; derives per-stream
 * segment keys and per-purpose keys (blind indexes, recorded search texts).
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

  /**
   * A key for one purpose: HKDF-SHA256(ikm = {@code rootKey}, salt = none, info = {@code label ||
   * 0x00 || ASCII(purpose)}). The label names the derivation scheme, so two schemes never share a
   * key even for the same purpose; the zero byte keeps label and purpose apart.
   */
  static SecretBytes forPurpose(SecretBytes rootKey, byte[] label, String purpose, int length) {
    byte[] purposeBytes = purpose.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] info = new byte[label.length + 1 + purposeBytes.length];
    System.arraycopy(label, 0, info, 0, label.length);
    System.arraycopy(purposeBytes, 0, info, label.length + 1, purposeBytes.length);
    byte[] ikm = rootKey.toByteArray();
    byte[] key = sha256(ikm, null, info, length);
    try {
      return SecretBytes.copyOf(key);
    } finally {
      java.util.Arrays.fill(ikm, (byte) 0);
      java.util.Arrays.fill(key, (byte) 0);
    }
  }
}

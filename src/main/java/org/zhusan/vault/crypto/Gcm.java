package org.zhusan.vault.crypto;

import java.security.GeneralSecurityException;
import java.security.NoSuchProviderException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256-GCM core shared by {@link AesGcmAead}, {@link AesGcmHkdfStreaming} and the key
 * wrapper: one place that talks to the JDK cipher.
 *
 * <p>Why the JDK and not BouncyCastle: the SunJCE {@code AES/GCM/NoPadding} implementation uses the
 * HotSpot AES-NI/CLMUL (and AVX-512 VAES) intrinsics and is an order of magnitude faster. The
 * SunJCE provider is requested by name so that registering BouncyCastle as a JCA provider elsewhere
 * can never silently swap in a slower or different implementation; other JDKs fall back to the
 * default provider. Encryption input is fed in calls of at most {@value #MAX_CHUNK} bytes because
 * the JDK's GCM intrinsics are only fast for such chunk sizes; decryption is one {@code doFinal}
 * (see {@link #open}).
 *
 * <p>Nonces are 96 bits and tags 128 bits, always. Decryption reports every authentication failure
 * as {@link DecryptionFailedException}; the output buffer must not be read after a failure.
 *
 * <p>Thread safety: the static methods are safe; a {@link Cipher} passed in must be confined to the
 * calling thread ({@link #threadLocalCipher()} gives one per thread; the thread-local holds only
 * JDK objects, so it pins no application class loader in a server).
 */
final class Gcm {
  static final int KEY_SIZE = 32;
  static final int NONCE_SIZE = 12;
  static final int TAG_SIZE = 16;
  static final int MAX_CHUNK = 64 * 1024;

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(Gcm::newCipher);

  private Gcm() {}

  /** A new JDK AES-GCM cipher, from SunJCE when that provider exists. */
  static Cipher newCipher() {
    try {
      try {
        return Cipher.getInstance(TRANSFORMATION, "SunJCE");
      } catch (NoSuchProviderException e) {
        return Cipher.getInstance(TRANSFORMATION);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM/NoPadding is not available in this JVM", e);
    }
  }

  /**
   * This thread's reusable cipher (re-initialised by every call of {@link #seal}/{@link #open}).
   */
  static Cipher threadLocalCipher() {
    return CIPHERS.get();
  }

  /** Wraps a 256-bit key for the JDK cipher. */
  static SecretKeySpec aesKey(SecretBytes key) {
    if (key.size() != KEY_SIZE) {
      throw new IllegalArgumentException("AES-256 keys are 32 bytes, got " + key.size());
    }
    byte[] raw = key.toByteArray();
    try {
      return new SecretKeySpec(raw, "AES");
    } finally {
      java.util.Arrays.fill(raw, (byte) 0);
    }
  }

  /**
   * Encrypts {@code in[inOff, inOff+len)} and writes ciphertext followed by the 16-byte tag to
   * {@code out} at {@code outOff}. The GCM additional data is {@code aadPrefix || aad}.
   *
   * @return number of bytes written, always {@code len + TAG_SIZE}
   */
  static int seal(
      Cipher cipher,
      SecretKeySpec key,
      byte[] nonce,
      byte[] aadPrefix,
      byte[] aad,
      byte[] in,
      int inOff,
      int len,
      byte[] out,
      int outOff) {
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_SIZE * 8, nonce));
      updateAad(cipher, aadPrefix, aad);
      int written = 0;
      while (len > MAX_CHUNK) {
        written += cipher.update(in, inOff, MAX_CHUNK, out, outOff + written);
        inOff += MAX_CHUNK;
        len -= MAX_CHUNK;
      }
      return written + cipher.doFinal(in, inOff, len, out, outOff + written);
    } catch (GeneralSecurityException e) {
      // Only reachable through a programming error (bad key size, short buffer, reused nonce).
      throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Verifies and decrypts {@code in[inOff, inOff+len)} (ciphertext followed by tag) into {@code
   * out} at {@code outOff}.
   *
   * <p>One {@code doFinal} call: the JDK's GCM decryption buffers all input until {@code doFinal}
   * anyway (it must not release unverified plaintext), so feeding it through {@code update} would
   * only add a copy. On failure the output range is overwritten with zeros, so even a JDK that
   * decrypted before verifying leaves no unauthenticated plaintext behind.
   *
   * @return number of plaintext bytes written, always {@code len - TAG_SIZE}
   * @throws DecryptionFailedException if the input is shorter than a tag or does not authenticate
   */
  static int open(
      Cipher cipher,
      SecretKeySpec key,
      byte[] nonce,
      byte[] aadPrefix,
      byte[] aad,
      byte[] in,
      int inOff,
      int len,
      byte[] out,
      int outOff)
      throws DecryptionFailedException {
    if (len < TAG_SIZE) {
      throw new DecryptionFailedException();
    }
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_SIZE * 8, nonce));
      updateAad(cipher, aadPrefix, aad);
      return cipher.doFinal(in, inOff, len, out, outOff);
    } catch (AEADBadTagException e) {
      java.util.Arrays.fill(out, outOff, outOff + len - TAG_SIZE, (byte) 0);
      throw new DecryptionFailedException();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed: " + e.getClass().getSimpleName());
    }
  }

  private static void updateAad(Cipher cipher, byte[] aadPrefix, byte[] aad) {
    if (aadPrefix != null && aadPrefix.length > 0) {
      cipher.updateAAD(aadPrefix);
    }
    if (aad != null && aad.length > 0) {
      cipher.updateAAD(aad);
    }
  }
}

package org.zhusan.vault.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed digest of a document version's plaintext: HMAC-SHA256 under a subkey derived with
 * HKDF-SHA256 from the owner's data key (info {@code "zhusan/content-digest/v1"} plus the binding,
 * e.g. the version id). Keyed so a database reader cannot confirm a guessed file by hashing it, and
 * bound so a digest copied to another version does not match. Recorded at upload, checked again at
 * download. Not thread-safe: one instance per stream.
 */
public final class ContentDigest {
  private static final byte[] INFO = "zhusan/content-digest/v1".getBytes(StandardCharsets.US_ASCII);
  private final Mac mac;

  private ContentDigest(Mac mac) {
    this.mac = mac;
  }

  /**
   * A fresh digest for content owned by the holder of {@code dataKey}, bound to {@code binding}.
   */
  public static ContentDigest start(DataKey dataKey, byte[] binding) {
    byte[] info = new byte[INFO.length + binding.length];
    System.arraycopy(INFO, 0, info, 0, INFO.length);
    System.arraycopy(binding, 0, info, INFO.length, binding.length);
    byte[] ikm = dataKey.secret().toByteArray();
    byte[] subkey = Hkdf.sha256(ikm, null, info, 32);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(subkey, "HmacSHA256"));
      return new ContentDigest(mac);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    } finally {
      Arrays.fill(ikm, (byte) 0);
      Arrays.fill(subkey, (byte) 0);
    }
  }

  public void update(byte[] b, int off, int len) {
    mac.update(b, off, len);
  }

  /** The 32-byte digest; the instance is spent afterwards. */
  public byte[] finish() {
    return mac.doFinal();
  }

  /** Constant-time comparison of two digests. */
  public static boolean matches(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }
}

package org.zhusan.vault.disclosure.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Plain SHA-256 as lower-case hex. */
final class Sha256 {

  static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  private Sha256() {}

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** Reads {@code in} to its end and returns its SHA-256 and length. */
  static Counted hex(InputStream in) throws IOException {
    MessageDigest digest = digest();
    byte[] buffer = new byte[64 * 1024];
    long size = 0;
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
      size += n;
    }
    return new Counted(HexFormat.of().formatHex(digest.digest()), size);
  }

  record Counted(String sha256, long size) {}
}

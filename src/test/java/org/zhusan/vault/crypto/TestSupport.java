package org.zhusan.vault.crypto;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

/** Fixtures shared by the crypto tests. */
final class TestSupport {
  static final char[] DEV_PASSWORD = "development-only".toCharArray();

  private TestSupport() {}

  static byte[] hex(String s) {
    return HexFormat.of().parseHex(s.replace(" ", ""));
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  /**
   * Repository root: the {@code vault.repo.root} property set by surefire, else the working dir.
   */
  static Path repoRoot() {
    return Path.of(System.getProperty("vault.repo.root", ".")).toAbsolutePath();
  }

  static Path devKeystore() {
    return repoRoot().resolve("keys-example/vault-keys.p12");
  }

  /** Deterministic pseudo-random bytes (test data, not keys). */
  static byte[] bytes(int length, long seed) {
    byte[] b = new byte[length];
    new Random(seed).nextBytes(b);
    return b;
  }

  static byte[] filled(int length, int value) {
    byte[] b = new byte[length];
    java.util.Arrays.fill(b, (byte) value);
    return b;
  }

  /** A keyring with KEK versions 1..n made of fixed bytes, and a fixed blind-index key. */
  static Keyring rawKeyring(int... kekVersions) {
    Map<Integer, byte[]> keks = new java.util.TreeMap<>();
    for (int v : kekVersions) {
      keks.put(v, filled(32, 0x10 + v));
    }
    return Keyring.insecureFromRawKeys(keks, filled(32, 0x77));
  }

  static DataKey dataKey(int fill) {
    return DataKey.of(SecretBytes.copyOf(filled(32, fill)));
  }
}

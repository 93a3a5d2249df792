package org.zhusan.vault.search;

import java.util.Arrays;
import java.util.Map;
import org.zhusan.vault.crypto.Keyring;

/** Fixtures shared by the search tests: keyrings made of fixed bytes (test keys, not real ones). */
final class SearchFixtures {
  private SearchFixtures() {}

  static Keyring keyring(int blindIndexKeyByte) {
    byte[] kek = new byte[32];
    Arrays.fill(kek, (byte) 0x11);
    byte[] blind = new byte[32];
    Arrays.fill(blind, (byte) blindIndexKeyByte);
    return Keyring.insecureFromRawKeys(Map.of(1, kek), blind);
  }

  /**
   * Blind-index key v1 as in {@link #keyring(int) keyring(0x77)} and v2 of bytes 0x79: a rotation
   * in progress.
   */
  static Keyring rotatingKeyring() {
    byte[] kek = new byte[32];
    Arrays.fill(kek, (byte) 0x11);
    byte[] v1 = new byte[32];
    Arrays.fill(v1, (byte) 0x77);
    byte[] v2 = new byte[32];
    Arrays.fill(v2, (byte) 0x79);
    return Keyring.insecureFromRawKeys(Map.of(1, kek), Map.of(1, v1, 2, v2));
  }

  static BlindTokens tokens() {
    return BlindTokens.create(keyring(0x77));
  }
}

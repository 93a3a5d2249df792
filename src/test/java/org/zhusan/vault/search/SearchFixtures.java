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

  static BlindTokens tokens() {
    return BlindTokens.create(keyring(0x77));
  }
}

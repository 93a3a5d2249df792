package org.zhusan.vault.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zhusan.vault.crypto.TestSupport.filled;
import static org.zhusan.vault.crypto.TestSupport.hex;

import org.junit.jupiter.api.Test;

/** Known answers from RFC 5869, Appendix A (HKDF-SHA256 test cases 1 and 3). */
class HkdfTest {

  @Test
  void matchesRfc5869TestCase1() {
    byte[] okm =
        Hkdf.sha256(
            filled(22, 0x0b), hex("000102030405060708090a0b0c"), hex("f0f1f2f3f4f5f6f7f8f9"), 42);
    assertEquals(
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
        hex(okm));
  }

  @Test
  void matchesRfc5869TestCase3WithEmptySaltAndInfo() {
    byte[] okm = Hkdf.sha256(filled(22, 0x0b), null, new byte[0], 42);
    assertEquals(
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
        hex(okm));
  }
}

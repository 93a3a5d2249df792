package org.zhusan.vault.keys;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The ciphertext of one sensitive text field, as the persistence context holds it. Hibernate only
 * ever sees this value (mapped to {@code bytea} by {@link SealedTextConverter}), so plaintext never
 * enters the persistence context, its caches, dirty checking or SQL logs; entities seal and open it
 * through {@link Sealing} at their own boundary.
 */
public final class SealedText {
  private final byte[] ciphertext;

  private SealedText(byte[] ciphertext) {
    this.ciphertext = ciphertext.clone();
  }

  public static SealedText of(byte[] ciphertext) {
    return new SealedText(ciphertext);
  }

  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SealedText other && Arrays.equals(ciphertext, other.ciphertext);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ciphertext);
  }

  /** Shows only a short fingerprint; never the bytes (they are harmless but noisy). */
  @Override
  public String toString() {
    return "SealedText["
        + ciphertext.length
        + " bytes, "
        + HexFormat.of().formatHex(ciphertext, 0, Math.min(4, ciphertext.length))
        + "…]";
  }
}

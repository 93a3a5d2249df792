package org.zhusan.vault.crypto;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Canonical forms of values before they are blind-indexed ({@link BlindIndex}), so that the same
 * person typed differently gives the same index value.
 *
 * <ul>
 *   <li>{@link #name}: Unicode NFKC (compatibility forms such as full-width letters and ligatures,
 *       precomposed vs. combining accents), lower case with {@link Locale#ROOT}, NFKC again (lower
 *       casing can produce unnormalised sequences), invisible format characters removed (soft
 *       hyphen, zero-width space, zero-width no-break space / BOM), every run of Unicode white
 *       space collapsed to one space, leading and trailing space stripped. So {@code " ÁLIYA
 *       Nurova"} and {@code "áliya nurova"} agree. Accents are kept: "Áliya" and "Aliya" are
 *       different names.
 *   <li>{@link #iin}: Kazakhstan individual identification number: spaces and hyphens are dropped
 *       (also full-width digits are folded by NFKC), then exactly 12 ASCII digits must remain.
 * </ul>
 *
 * <p>Errors never repeat the input, which is personal data.
 *
 * <p>Thread safety: stateless.
 */
public final class Normalizer {
  private static final Pattern WHITESPACE = Pattern.compile("\\p{IsWhite_Space}+");
  private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B\\uFEFF]");
  private static final Pattern IIN_SEPARATORS = Pattern.compile("[\\p{IsWhite_Space}\\-]");
  private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

  private Normalizer() {}

  /** Canonical form of a personal name or free-text search term. */
  public static String name(String value) {
    Objects.requireNonNull(value, "value is required.");
    String s = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC);
    s = s.toLowerCase(Locale.ROOT);
    s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
    s = INVISIBLE.matcher(s).replaceAll("");
    s = WHITESPACE.matcher(s).replaceAll(" ");
    return s.strip();
  }

  /**
   * Canonical form of an IIN: 12 ASCII digits.
   *
   * @throws IllegalArgumentException if anything other than 12 digits (plus spaces or hyphens)
   */
  public static String iin(String value) {
    Objects.requireNonNull(value, "value is required.");
    String s = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC);
    s = IIN_SEPARATORS.matcher(s).replaceAll("");
    if (!TWELVE_DIGITS.matcher(s).matches()) {
      throw new IllegalArgumentException("an IIN must consist of exactly 12 digits");
    }
    return s;
  }

  /** Whether {@link #iin} would accept {@code value}. */
  public static boolean isValidIin(String value) {
    try {
      iin(value);
      return true;
    } catch (IllegalArgumentException | NullPointerException e) {
      return false;
    }
  }
}

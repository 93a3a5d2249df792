package org.zhusan.vault.search;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The character-level normalisation every indexed and queried text goes through before it is
 * tokenised, so that the same word typed, scanned or converted differently gives the same stem.
 *
 * <ol>
 *   <li>Unicode NFKC: compatibility forms (full-width letters, ligatures such as "ﬁ", superscripts)
 *       and precomposed vs. combining accents agree.
 *   <li>Case folding, approximated by {@link String#toLowerCase(Locale)} with {@link Locale#ROOT}
 *       plus the two full-folding cases lower-casing misses: final sigma ς → σ and sharp s ß → ss.
 *       (No Turkish dotted/dotless i rules: the vault's languages do not need them.)
 *   <li>NFKC again (lower-casing can produce unnormalised sequences).
 *   <li>ё → е (Russian writes ё optionally; the Snowball stemmer folds it too, this also covers the
 *       Kazakh and unstemmed paths).
 *   <li>Invisible characters removed: soft hyphen U+00AD (PDF extraction leaves them inside words),
 *       zero-width space U+200B, word joiner U+2060, BOM U+FEFF; and the combining grave and acute
 *       accents U+0300/U+0301 that survive NFKC, which in our texts are stress marks on Cyrillic
 *       vowels ("докуме́нт"); a Latin é has already been composed by NFKC and is kept.
 * </ol>
 *
 * <p>Concatenation: for strings split after a white-space character, {@code fold(a) + fold(b)}
 * equals {@code fold(a + b)} (no normalisation or folding rule spans white space), which is what
 * lets {@link TermFrequencies} fold streamed text piecewise.
 *
 * <p>Thread safety: stateless.
 */
final class TextFolding {
  private TextFolding() {}

  static String fold(CharSequence text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
    s = s.toLowerCase(Locale.ROOT);
    s = Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String replacement = replacement(c);
      if (replacement == null) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (out == null) {
        out = new StringBuilder(s.length());
        out.append(s, 0, i);
      }
      out.append(replacement);
    }
    return out == null ? s : out.toString();
  }

  /** What {@code c} becomes, or null to keep it. */
  private static String replacement(char c) {
    switch (c) {
      case 'ё':
        return "е";
      case 'ς':
        return "σ";
      case 'ß':
        return "ss";
      case '\u00AD':
      case '\u200B':
      case '\u2060':
      case '\uFEFF':
      case '\u0300':
      case '\u0301':
        return "";
      default:
        return null;
    }
  }
}

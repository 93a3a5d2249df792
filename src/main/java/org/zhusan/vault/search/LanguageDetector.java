package org.zhusan.vault.search;

import java.util.Objects;

/**
 * Decides which analyser a document gets, from the letters of a text sample (the first {@value
 * #SAMPLE_CHARS} characters; the rest is ignored).
 *
 * <p>Tika's language detector ({@code tika-langdetect-*}) is not on the classpath, and the three
 * languages the vault cares about are told apart reliably by script alone, so this is a script
 * count, not a statistical model:
 *
 * <ol>
 *   <li>Count letters by script: Cyrillic, Latin, other. Fewer than {@value #MIN_LETTERS} letters
 *       in all: {@link Language#UNDETERMINED}.
 *   <li>Cyrillic is the largest group: {@link Language#KAZAKH} if the letters found only in the
 *       Kazakh alphabet (ә ғ қ ң ө ұ ү һ і, either case) make up at least {@value
 *       #KAZAKH_LETTER_PERCENT}% of the Cyrillic letters and there are at least two of them,
 *       otherwise {@link Language#RUSSIAN}. In running Kazakh text these letters are roughly 8–15%
 *       of all letters; a Russian text that mentions "Қазақстан" or a Kazakh name stays well below
 *       2%.
 *   <li>Latin is the largest group: {@link Language#ENGLISH}, unless more than {@value
 *       #MAX_LATIN_DIACRITIC_PERCENT}% of the Latin letters carry diacritics (French, German,
 *       Turkish, Kazakh in Latin script …), which gives {@link Language#UNDETERMINED} rather than
 *       stemming them with an English stemmer.
 *   <li>Any other script is the largest group (Arabic, CJK …): {@link Language#UNDETERMINED}.
 * </ol>
 *
 * <p>It does not tell Ukrainian, Belarusian, Kyrgyz or Tatar from Russian or Kazakh, nor French
 * from German; those documents get the nearest analyser and are still found by their unstemmed
 * words (queries always include the unstemmed form, see {@link TermAnalyzer}).
 *
 * <p>Thread safety: stateless.
 */
public final class LanguageDetector {
  /** How much of a document is looked at. */
  public static final int SAMPLE_CHARS = 10_000;

  static final int MIN_LETTERS = 3;
  static final int KAZAKH_LETTER_PERCENT = 2;
  static final int MAX_LATIN_DIACRITIC_PERCENT = 3;

  private LanguageDetector() {}

  /** The language of {@code sample} (only its first {@value #SAMPLE_CHARS} characters count). */
  public static Language detect(CharSequence sample) {
    Objects.requireNonNull(sample, "sample is required.");
    int end = Math.min(sample.length(), SAMPLE_CHARS);
    long cyrillic = 0;
    long kazakh = 0;
    long latin = 0;
    long latinDiacritic = 0;
    long other = 0;
    for (int i = 0; i < end; ) {
      int cp = Character.codePointAt(sample, i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.CYRILLIC) {
        cyrillic++;
        if (isKazakhLetter(cp)) {
          kazakh++;
        }
      } else if (script == Character.UnicodeScript.LATIN) {
        latin++;
        if (cp > 0x7F) {
          latinDiacritic++;
        }
      } else {
        other++;
      }
    }
    if (cyrillic + latin + other < MIN_LETTERS) {
      return Language.UNDETERMINED;
    }
    if (cyrillic >= latin && cyrillic >= other) {
      boolean isKazakh = kazakh >= 2 && kazakh * 100 >= cyrillic * KAZAKH_LETTER_PERCENT;
      return isKazakh ? Language.KAZAKH : Language.RUSSIAN;
    }
    if (latin >= other) {
      return latinDiacritic * 100 > latin * MAX_LATIN_DIACRITIC_PERCENT
          ? Language.UNDETERMINED
          : Language.ENGLISH;
    }
    return Language.UNDETERMINED;
  }

  /** ә ғ қ ң ө ұ ү һ і and their capitals: letters of the Kazakh alphabet that Russian lacks. */
  static boolean isKazakhLetter(int cp) {
    switch (Character.toLowerCase(cp)) {
      case 'ә':
      case 'ғ':
      case 'қ':
      case 'ң':
      case 'ө':
      case 'ұ':
      case 'ү':
      case 'һ':
      case 'і':
        return true;
      default:
        return false;
    }
  }
}

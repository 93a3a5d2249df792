package org.zhusan.vault.search;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The languages the search analyser distinguishes, by ISO 639 code. A document is analysed with the
 * analyser of its detected language ({@link LanguageDetector}); {@link #UNDETERMINED} gets a plain,
 * non-stemming analyser.
 *
 * <p>Thread safety: an enum.
 */
public enum Language {
  /** English: Porter stemmer and English stop words. */
  ENGLISH("en"),
  /** Russian: Snowball Russian stemmer and Russian stop words. */
  RUSSIAN("ru"),
  /**
   * Kazakh (Cyrillic script): a light, conservative suffix stripper (see {@code docs/search.md}).
   */
  KAZAKH("kk"),
  /** Anything else, or too little text to tell: tokenised and folded, never stemmed. */
  UNDETERMINED("und");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  /** The ISO 639-1 code ({@code "en"}, {@code "ru"}, {@code "kk"}) or {@code "und"}. */
  public String code() {
    return code;
  }

  /** The language with this code, if it is one of ours. */
  public static Optional<Language> fromCode(String code) {
    Objects.requireNonNull(code, "code is required.");
    return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
  }
}

package org.zhusan.vault.search;

import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * A Lucene analyser that tokenises once (UAX #29 word boundaries, {@link StandardTokenizer}) and
 * then sends each token through the stop-word and stemming chain for its <em>script</em>: Latin
 * tokens through the filters of Lucene's {@link EnglishAnalyzer} (possessive, English stop words,
 * Porter stemmer), Cyrillic tokens through those of {@link RussianAnalyzer} (Russian stop words,
 * Snowball Russian stemmer) or through the Kazakh chain (small stop list, {@link
 * KazakhLightStemmer}). Tokens in other scripts, numbers and tokens whose chain is switched off
 * pass through lower-cased only.
 *
 * <p>Routing by script rather than by document alone means an English organisation name inside a
 * Russian ruling is still Porter-stemmed, and a Russian quotation inside an English report still
 * gets the Russian stemmer.
 *
 * <p>Input is expected to be already folded ({@link TextFolding}); lower-casing is repeated here
 * only as a safety net.
 *
 * <p>Thread safety: as every Lucene {@link Analyzer}: shareable, with per-thread token streams.
 */
final class ScriptRoutedAnalyzer extends Analyzer {
  /** Tokens longer than this many characters (hashes, base64 runs) are not indexed. */
  static final int MAX_TERM_CHARS = 128;

  /** The chain for Cyrillic tokens. */
  enum Cyrillic {
    RUSSIAN,
    KAZAKH,
    UNSTEMMED
  }

  /** Conjunctions, particles and postpositions: the commonest Kazakh function words. */
  static final CharArraySet KAZAKH_STOP_WORDS =
      CharArraySet.unmodifiableSet(
          new CharArraySet(
              java.util.List.of(
                  "және", "мен", "бен", "пен", "да", "де", "та", "те", "ма", "ме", "ба", "бе", "па",
                  "пе", "бұл", "ол", "осы", "сол", "мына", "үшін", "туралы", "немесе", "не",
                  "бойынша", "арқылы", "дейін", "кейін", "бірақ", "ал", "әрі", "яғни", "сияқты",
                  "ғана", "тек", "еді", "екен", "емес"),
              false));

  private final boolean latinAsEnglish;
  private final Cyrillic cyrillic;

  ScriptRoutedAnalyzer(boolean latinAsEnglish, Cyrillic cyrillic) {
    this.latinAsEnglish = latinAsEnglish;
    this.cyrillic = cyrillic;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(source);
    stream = new LengthFilter(stream, 1, MAX_TERM_CHARS);
    if (latinAsEnglish) {
      stream =
          new ScriptCondition(
              stream,
              Character.UnicodeScript.LATIN,
              in ->
                  new PorterStemFilter(
                      new StopFilter(
                          new EnglishPossessiveFilter(in),
                          EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)));
    }
    switch (cyrillic) {
      case RUSSIAN:
        stream =
            new ScriptCondition(
                stream,
                Character.UnicodeScript.CYRILLIC,
                in ->
                    new SnowballFilter(
                        new StopFilter(in, RussianAnalyzer.getDefaultStopSet()),
                        new RussianStemmer()));
        break;
      case KAZAKH:
        stream =
            new ScriptCondition(
                stream,
                Character.UnicodeScript.CYRILLIC,
                in -> new KazakhLightStemFilter(new StopFilter(in, KAZAKH_STOP_WORDS)));
        break;
      case UNSTEMMED:
        break;
    }
    return new TokenStreamComponents(source, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  /** Applies a filter chain only to tokens whose first letter is in the given script. */
  private static final class ScriptCondition extends ConditionalTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final Character.UnicodeScript script;

    ScriptCondition(
        TokenStream input,
        Character.UnicodeScript script,
        Function<TokenStream, TokenStream> chain) {
      super(input, chain);
      this.script = script;
    }

    @Override
    protected boolean shouldFilter() {
      char[] buffer = term.buffer();
      int length = term.length();
      for (int i = 0; i < length; ) {
        int cp = Character.codePointAt(buffer, i, length);
        if (Character.isLetter(cp)) {
          return Character.UnicodeScript.of(cp) == script;
        }
        i += Character.charCount(cp);
      }
      return false;
    }
  }
}

package org.zhusan.vault.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into the normalised stems that are blind-indexed: character folding ({@link
 * #normalize}), then tokenising, stop-word removal and stemming with Lucene analysers.
 *
 * <h2>Documents</h2>
 *
 * A document is analysed with the analyser of its language ({@link LanguageDetector}):
 *
 * <table>
 *   <caption>Analyser per document language</caption>
 *   <tr><th>Language</th><th>Latin-script tokens</th><th>Cyrillic tokens</th><th>other tokens</th></tr>
 *   <tr><td>en, ru</td><td>English: possessive, stop words, Porter</td>
 *       <td>Russian: stop words, Snowball Russian</td><td>as is</td></tr>
 *   <tr><td>kk</td><td>English</td><td>Kazakh: small stop list, {@link KazakhLightStemmer}</td>
 *       <td>as is</td></tr>
 *   <tr><td>und</td><td>as is</td><td>as is</td><td>as is</td></tr>
 * </table>
 *
 * Tokens are routed by their own script so that mixed documents (an English name in a Russian
 * ruling) are stemmed correctly; the document language only decides Russian versus Kazakh for
 * Cyrillic words, or no stemming at all. Numbers are kept as tokens; tokens longer than {@value
 * ScriptRoutedAnalyzer#MAX_TERM_CHARS} characters are dropped.
 *
 * <h2>Queries</h2>
 *
 * The language of a two-word query cannot be detected, so {@link #queryStems} analyses each query
 * token with <em>every</em> document analyser and returns the set of distinct stems; the query
 * matches a document if any of them is among its tokens. A token that any analyser treats as a stop
 * word ("the", "и", "және") is dropped from the query, because documents in that language never
 * index it. Cross-language false matches need an identical stem from two analysers, which in
 * practice only happens between Russian and Kazakh stems of the same Cyrillic word.
 *
 * <p>Thread safety: safe for concurrent use (Lucene keeps token streams per thread). Close it when
 * the application stops.
 */
public final class TermAnalyzer implements Closeable {
  private final ScriptRoutedAnalyzer englishRussian =
      new ScriptRoutedAnalyzer(true, ScriptRoutedAnalyzer.Cyrillic.RUSSIAN);
  private final ScriptRoutedAnalyzer kazakh =
      new ScriptRoutedAnalyzer(true, ScriptRoutedAnalyzer.Cyrillic.KAZAKH);
  private final ScriptRoutedAnalyzer unstemmed =
      new ScriptRoutedAnalyzer(false, ScriptRoutedAnalyzer.Cyrillic.UNSTEMMED);

  /** Creates the analysers (cheap; share one instance). */
  public TermAnalyzer() {}

  /**
   * Character folding applied before tokenising: NFKC, case folding, ё → е, invisible characters
   * and Cyrillic stress marks removed (details in {@code docs/search.md}).
   */
  public static String normalize(CharSequence text) {
    Objects.requireNonNull(text, "text is required.");
    return TextFolding.fold(text);
  }

  /**
   * Streams the stems of {@code text}, in order, analysed for a document in {@code language}. The
   * text is folded first. For text that arrives in chunks use {@link TermFrequencies.Builder}.
   */
  public void documentStems(Language language, CharSequence text, Consumer<String> stems) {
    Objects.requireNonNull(language, "language is required.");
    Objects.requireNonNull(text, "text is required.");
    Objects.requireNonNull(stems, "stems consumer is required.");
    run(analyzerFor(language), TextFolding.fold(text), stems);
  }

  /** The stems of {@code text} as a list (convenience for small texts and tests). */
  public List<String> documentStems(Language language, CharSequence text) {
    List<String> out = new ArrayList<>();
    documentStems(language, text, out::add);
    return out;
  }

  /**
   * The searchable terms of one query word: one set of alternative stems per token the word splits
   * into ("e-mail" gives two), stop words left out. Each set holds the stems that every document
   * analyser produces for that token, so it matches the token in a document of any language. An
   * empty list means the word has nothing searchable (only stop words or punctuation).
   */
  public List<Set<String>> queryStems(String word) {
    Objects.requireNonNull(word, "word is required.");
    List<String> tokens = new ArrayList<>();
    run(unstemmed, TextFolding.fold(word), tokens::add);
    List<Set<String>> terms = new ArrayList<>(tokens.size());
    for (String token : tokens) {
      Set<String> alternatives = new TreeSet<>();
      alternatives.add(token);
      boolean stopWord = false;
      for (Analyzer analyzer : List.of(englishRussian, kazakh)) {
        List<String> stems = new ArrayList<>(1);
        run(analyzer, token, stems::add);
        if (stems.isEmpty()) {
          stopWord = true;
          break;
        }
        alternatives.addAll(stems);
      }
      if (!stopWord) {
        terms.add(Collections.unmodifiableSet(alternatives));
      }
    }
    return Collections.unmodifiableList(terms);
  }

  @Override
  public void close() {
    englishRussian.close();
    kazakh.close();
    unstemmed.close();
  }

  private Analyzer analyzerFor(Language language) {
    switch (language) {
      case ENGLISH:
      case RUSSIAN:
        return englishRussian;
      case KAZAKH:
        return kazakh;
      case UNDETERMINED:
      default:
        return unstemmed;
    }
  }

  private static void run(Analyzer analyzer, String folded, Consumer<String> sink) {
    try (TokenStream stream = analyzer.tokenStream("text", folded)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        sink.accept(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      // Reading from a String cannot fail.
      throw new UncheckedIOException(e);
    }
  }
}

package org.zhusan.vault.search;

import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The blind index of one document version: how often each blind token occurs ({@code tf}), plus the
 * total number of indexed term occurrences (the document length in terms). This is exactly what is
 * written to {@code search_token}, one row per entry of {@link #counts()}.
 *
 * <p>Built streaming by a {@link Builder} from text handed over in chunks (the extractor's
 * callbacks), so the whole text never has to be in one string:
 *
 * <ul>
 *   <li>The language is taken from {@link Builder#language} or else detected from the first {@value
 *       LanguageDetector#SAMPLE_CHARS} characters; text is buffered until then.
 *   <li>Text is cut for analysis only after a white-space character, so a chunk boundary inside a
 *       word changes nothing: the result equals that of the whole text in one chunk. (A run of more
 *       than {@value Builder#MAX_PENDING_CHARS} characters without white space is cut anyway; such
 *       a run is not a word, and may then be tokenised differently.)
 *   <li>At most {@link Builder#maxDistinctTerms} distinct stems (default {@value
 *       #DEFAULT_MAX_DISTINCT_TERMS}) are kept: the first ones in text order. Later new stems are
 *       counted in {@link #totalTerms()} and {@link #droppedTerms()} but not indexed, so the
 *       document is still found by them if they also occur among the first ones. This bounds memory
 *       and the rows per document (an ordinary 300-page ruling has well under 20,000 distinct
 *       stems).
 *   <li>Stems (plaintext) exist only inside the builder and are discarded by {@link Builder#build};
 *       this object holds tokens only.
 * </ul>
 *
 * <p>Immutable and thread-safe; the builder is single-use and not thread-safe.
 */
public final class TermFrequencies {
  /** Default cap on distinct stems per document version. */
  public static final int DEFAULT_MAX_DISTINCT_TERMS = 50_000;

  private final Language language;
  private final int keyVersion;
  private final Map<BlindToken, Integer> counts;
  private final long totalTerms;
  private final long droppedTerms;

  private TermFrequencies(
      Language language,
      int keyVersion,
      Map<BlindToken, Integer> counts,
      long totalTerms,
      long droppedTerms) {
    this.language = language;
    this.keyVersion = keyVersion;
    this.counts = Collections.unmodifiableMap(counts);
    this.totalTerms = totalTerms;
    this.droppedTerms = droppedTerms;
  }

  /** A builder that analyses with {@code analyzer} and maps stems with {@code tokens}. */
  public static Builder builder(TermAnalyzer analyzer, BlindTokens tokens) {
    return new Builder(analyzer, tokens);
  }

  /** The frequencies of text given as chunks, language detected. */
  public static TermFrequencies of(
      TermAnalyzer analyzer, BlindTokens tokens, Iterable<? extends CharSequence> chunks) {
    Objects.requireNonNull(chunks, "chunks are required.");
    Builder builder = builder(analyzer, tokens);
    for (CharSequence chunk : chunks) {
      builder.add(chunk);
    }
    return builder.build();
  }

  /** The frequencies of the text read from {@code reader} (not closed), language detected. */
  public static TermFrequencies of(TermAnalyzer analyzer, BlindTokens tokens, Reader reader)
      throws IOException {
    Objects.requireNonNull(reader, "reader is required.");
    Builder builder = builder(analyzer, tokens);
    CharBuffer buffer = CharBuffer.allocate(8192);
    while (reader.read(buffer) >= 0) {
      buffer.flip();
      builder.add(buffer);
      buffer.clear();
    }
    return builder.build();
  }

  /** The language the text was analysed as (store it: re-indexing and diagnostics need it). */
  public Language language() {
    return language;
  }

  /**
   * The blind-index key version of every token here (one per version: all of a document version's
   * tokens are under one key, which is what lets a query match across key versions during a
   * rotation). Store it with the tokens.
   */
  public int keyVersion() {
    return keyVersion;
  }

  /** Token → number of occurrences (≥ 1, saturating at {@link Integer#MAX_VALUE}); unmodifiable. */
  public Map<BlindToken, Integer> counts() {
    return counts;
  }

  /** Number of distinct tokens (rows to write). */
  public int distinctTerms() {
    return counts.size();
  }

  /** Number of indexed term occurrences in the document, including dropped ones. */
  public long totalTerms() {
    return totalTerms;
  }

  /** Occurrences of stems that were not indexed because the distinct-term cap was reached. */
  public long droppedTerms() {
    return droppedTerms;
  }

  /** Whether the distinct-term cap cut the index short. */
  public boolean truncated() {
    return droppedTerms > 0;
  }

  @Override
  public String toString() {
    return "TermFrequencies[language="
        + language.code()
        + ", keyVersion="
        + keyVersion
        + ", distinct="
        + counts.size()
        + ", total="
        + totalTerms
        + ", dropped="
        + droppedTerms
        + "]";
  }

  /** Streams text chunks into term frequencies; see {@link TermFrequencies}. Single use. */
  public static final class Builder {
    /** Text is analysed in segments of at least this many characters. */
    static final int MIN_SEGMENT_CHARS = 8192;

    /** Text without white space is cut after this many characters. */
    static final int MAX_PENDING_CHARS = 65_536;

    private final TermAnalyzer analyzer;
    private final BlindTokens tokens;
    private final StringBuilder pending = new StringBuilder();
    private final Map<String, int[]> stemCounts = new HashMap<>();
    private Language language;
    private int maxDistinctTerms = DEFAULT_MAX_DISTINCT_TERMS;
    private long totalTerms;
    private long droppedTerms;
    // pending[0, noWhitespaceBefore) is known to hold no white space (avoids rescanning).
    private int noWhitespaceBefore;
    private boolean started;
    private boolean built;

    private Builder(TermAnalyzer analyzer, BlindTokens tokens) {
      this.analyzer = Objects.requireNonNull(analyzer, "analyzer is required.");
      this.tokens = Objects.requireNonNull(tokens, "tokens are required.");
    }

    /** Analyse as {@code language} instead of detecting it. Before the first {@link #add}. */
    public Builder language(Language language) {
      Objects.requireNonNull(language, "language is required.");
      requireNotStarted();
      this.language = language;
      return this;
    }

    /** Cap on distinct stems kept (at least 1). Before the first {@link #add}. */
    public Builder maxDistinctTerms(int maxDistinctTerms) {
      if (maxDistinctTerms < 1) {
        throw new IllegalArgumentException("maxDistinctTerms must be at least 1");
      }
      requireNotStarted();
      this.maxDistinctTerms = maxDistinctTerms;
      return this;
    }

    /** Appends the next chunk of text (any length, may end inside a word). */
    public Builder add(CharSequence chunk) {
      Objects.requireNonNull(chunk, "chunk is required.");
      requireNotBuilt();
      started = true;
      pending.append(chunk);
      if (language == null) {
        if (pending.length() < LanguageDetector.SAMPLE_CHARS) {
          return this;
        }
        language = LanguageDetector.detect(pending);
      }
      drain(false);
      return this;
    }

    /** Analyses what is left and returns the frequencies. The builder cannot be used again. */
    public TermFrequencies build() {
      requireNotBuilt();
      built = true;
      if (language == null) {
        language = LanguageDetector.detect(pending);
      }
      drain(true);
      Map<BlindToken, Integer> counts = new HashMap<>(stemCounts.size() * 4 / 3 + 1);
      for (Map.Entry<String, int[]> e : stemCounts.entrySet()) {
        // Two stems with one token (a 128-bit collision) would simply be merged.
        counts.merge(tokens.token(e.getKey()), e.getValue()[0], Builder::saturatedAdd);
      }
      stemCounts.clear();
      return new TermFrequencies(language, tokens.keyVersion(), counts, totalTerms, droppedTerms);
    }

    private void drain(boolean all) {
      int cut;
      if (all) {
        cut = pending.length();
      } else {
        if (pending.length() < MIN_SEGMENT_CHARS) {
          return;
        }
        cut = lastWhitespace(pending, noWhitespaceBefore) + 1;
        if (cut == 0) {
          noWhitespaceBefore = pending.length();
          if (pending.length() < MAX_PENDING_CHARS) {
            return;
          }
          cut = pending.length();
          if (Character.isHighSurrogate(pending.charAt(cut - 1))) {
            cut--;
          }
        }
      }
      if (cut == 0) {
        return;
      }
      String segment = pending.substring(0, cut);
      pending.delete(0, cut);
      noWhitespaceBefore = 0;
      analyzer.documentStems(language, segment, this::count);
    }

    private void count(String stem) {
      totalTerms++;
      int[] n = stemCounts.get(stem);
      if (n != null) {
        n[0] = saturatedAdd(n[0], 1);
      } else if (stemCounts.size() < maxDistinctTerms) {
        stemCounts.put(stem, new int[] {1});
      } else {
        droppedTerms++;
      }
    }

    /** Index of the last white-space character at or after {@code from}, or -1. */
    private static int lastWhitespace(CharSequence s, int from) {
      for (int i = s.length() - 1; i >= from; i--) {
        if (Character.isWhitespace(s.charAt(i))) {
          return i;
        }
      }
      return -1;
    }

    private static int saturatedAdd(int a, int b) {
      long sum = (long) a + b;
      return sum > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) sum;
    }

    private void requireNotStarted() {
      if (started || built) {
        throw new IllegalStateException("configure the builder before adding text");
      }
    }

    private void requireNotBuilt() {
      if (built) {
        throw new IllegalStateException("the builder has already been built");
      }
    }
  }
}

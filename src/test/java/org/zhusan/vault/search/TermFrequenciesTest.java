package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TermFrequenciesTest {
  private static final TermAnalyzer ANALYZER = new TermAnalyzer();
  private static final BlindTokens TOKENS = SearchFixtures.tokens();

  private static final String RUSSIAN =
      "Решение суда по делу ребёнка. Суд рассмотрел документы; документов было много,"
          + " и судом назначено слушание.\r\nНа слушании психолог представил оценку:"
          + " до\u00ADкумент № 2-1234/2024, «Отчёт UNICEF» и court’s hearings.\n";
  private static final String ENGLISH =
      "The court’s hearing on the evaluation of the child was adjourned; hearings resume"
          + " after evaluations, e-mail from the lawyer. Суда нет.\t";

  @AfterAll
  static void close() {
    ANALYZER.close();
  }

  private static TermFrequencies whole(String text) {
    return TermFrequencies.of(ANALYZER, TOKENS, List.of(text));
  }

  @Test
  void countsOccurrencesOfEachStemUnderItsToken() {
    TermFrequencies tf = whole("Суд, суда, суду. Решение суда.");
    assertEquals(Language.RUSSIAN, tf.language());
    assertEquals(Map.of(TOKENS.token("суд"), 4, TOKENS.token("решен"), 1), tf.counts());
    assertEquals(5, tf.totalTerms());
    assertEquals(2, tf.distinctTerms());
    assertFalse(tf.truncated());
  }

  @Test
  void chunkedInputGivesTheSameResultAsWholeInputEvenWithBoundariesInsideWords() {
    // Long enough to cross the language sample and several analysis segments.
    String text = (RUSSIAN + ENGLISH).repeat(150);
    TermFrequencies expected = whole(text);
    assertTrue(text.length() > 3 * TermFrequencies.Builder.MIN_SEGMENT_CHARS);
    Random random = new Random(7);
    for (int round = 0; round < 20; round++) {
      int maxChunk = round < 5 ? 1 + round : 1 + random.nextInt(20_000);
      List<String> chunks = new ArrayList<>();
      for (int i = 0; i < text.length(); ) {
        int end = Math.min(text.length(), i + 1 + random.nextInt(maxChunk));
        chunks.add(text.substring(i, end));
        i = end;
      }
      TermFrequencies chunked = TermFrequencies.of(ANALYZER, TOKENS, chunks);
      assertEquals(expected.counts(), chunked.counts(), "round " + round);
      assertEquals(expected.totalTerms(), chunked.totalTerms());
      assertEquals(expected.language(), chunked.language());
    }
  }

  @Test
  void chunkBoundaryBetweenALetterAndItsCombiningAccentChangesNothing() {
    String text = "ребе\u0308нок e\u0301cole докуме\u0301нт ";
    TermFrequencies expected = whole(text);
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      chunks.add(text.substring(i, i + 1));
    }
    assertEquals(expected.counts(), TermFrequencies.of(ANALYZER, TOKENS, chunks).counts());
    assertTrue(expected.counts().containsKey(TOKENS.token("ребенок")));
    assertTrue(expected.counts().containsKey(TOKENS.token("документ")));
  }

  @Test
  void readsFromAReader() throws IOException {
    String text = ENGLISH.repeat(500);
    assertEquals(
        whole(text).counts(),
        TermFrequencies.of(ANALYZER, TOKENS, new StringReader(text)).counts());
  }

  @Test
  void languageIsDetectedFromTheStartOrGiven() {
    assertEquals(Language.ENGLISH, whole(ENGLISH).language());
    assertEquals(Language.KAZAKH, whole("Соттың шешімі бойынша баланың құжаттары.").language());
    TermFrequencies given =
        TermFrequencies.builder(ANALYZER, TOKENS).language(Language.KAZAKH).add("соттың").build();
    assertEquals(Map.of(TOKENS.token("сот"), 1), given.counts());
  }

  @Test
  void distinctTermCapKeepsTheFirstStemsAndCountsTheRest() {
    TermFrequencies tf =
        TermFrequencies.builder(ANALYZER, TOKENS)
            .language(Language.ENGLISH)
            .maxDistinctTerms(2)
            .add("court hearing court lawyer court")
            .build();
    assertEquals(Map.of(TOKENS.token("court"), 3, TOKENS.token("hear"), 1), tf.counts());
    assertEquals(5, tf.totalTerms());
    assertEquals(1, tf.droppedTerms());
    assertTrue(tf.truncated());
  }

  @Test
  void aLongRunWithoutWhiteSpaceIsCutRatherThanBufferedForever() {
    TermFrequencies.Builder builder =
        TermFrequencies.builder(ANALYZER, TOKENS).language(Language.UNDETERMINED);
    for (int i = 0; i < 200_000; i++) {
      builder.add("ab");
    }
    TermFrequencies tf = builder.build();
    // The tokenizer splits runs into 255-character pieces, which are too long to index; only the
    // short tail piece before each forced cut (one per 64 Ki characters) remains.
    assertTrue(tf.totalTerms() <= 400_000 / TermFrequencies.Builder.MAX_PENDING_CHARS + 1);
  }

  @Test
  void emptyTextHasNoTerms() {
    TermFrequencies tf = whole("");
    assertEquals(0, tf.distinctTerms());
    assertEquals(Language.UNDETERMINED, tf.language());
  }

  @Test
  void builderIsSingleUseAndConfiguredBeforeText() {
    TermFrequencies.Builder builder = TermFrequencies.builder(ANALYZER, TOKENS).add("x");
    assertThrows(IllegalStateException.class, () -> builder.language(Language.ENGLISH));
    builder.build();
    assertThrows(IllegalStateException.class, () -> builder.add("y"));
    assertThrows(IllegalStateException.class, builder::build);
  }
}

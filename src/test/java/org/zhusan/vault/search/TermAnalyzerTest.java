package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TermAnalyzerTest {
  private static final TermAnalyzer ANALYZER = new TermAnalyzer();

  @AfterAll
  static void close() {
    ANALYZER.close();
  }

  private static List<String> stems(Language language, String text) {
    return ANALYZER.documentStems(language, text);
  }

  private static String stem(Language language, String word) {
    List<String> s = stems(language, word);
    assertEquals(1, s.size(), () -> "one stem expected for a test word, got " + s);
    return s.get(0);
  }

  private static void assertSameStem(Language language, String... words) {
    String first = stem(language, words[0]);
    for (String w : words) {
      assertEquals(
          first, stem(language, w), () -> "stem of test word #" + List.of(words).indexOf(w));
    }
  }

  @Test
  void russianInflectedFormsShareAStem() {
    assertSameStem(Language.RUSSIAN, "суд", "суда", "суду", "судом", "суде", "суды", "судов");
    assertSameStem(Language.RUSSIAN, "документ", "документы", "документов", "документами");
    assertSameStem(Language.RUSSIAN, "решение", "решения", "решением", "решений");
    assertSameStem(Language.RUSSIAN, "оценка", "оценки", "оценку", "оценкой");
  }

  @Test
  void yoAndYeAreTheSameLetter() {
    assertSameStem(Language.RUSSIAN, "ребёнок", "ребенок", "РЕБЁНОК");
    assertSameStem(Language.UNDETERMINED, "ребёнок", "ребенок");
    assertSameStem(Language.KAZAKH, "ребёнок", "ребенок");
  }

  @Test
  void englishInflectedFormsShareAStemAsFarAsPorterGoes() {
    assertSameStem(Language.ENGLISH, "hearing", "hearings", "Hearing");
    assertSameStem(Language.ENGLISH, "evaluated", "evaluation", "evaluations", "evaluate");
    assertSameStem(Language.ENGLISH, "court", "courts", "court's", "court’s");
    assertSameStem(Language.ENGLISH, "document", "documents", "documented");
    // Porter does not know irregular plurals.
    assertNotEquals(stem(Language.ENGLISH, "child"), stem(Language.ENGLISH, "children"));
  }

  @Test
  void stopWordsAreNotIndexed() {
    assertEquals(List.of("hear", "court"), stems(Language.ENGLISH, "The hearing of the court"));
    assertEquals(List.of("решен", "суд"), stems(Language.RUSSIAN, "и решение не суда"));
    assertEquals(List.of("сот", "шешім"), stems(Language.KAZAKH, "сот және шешім"));
  }

  @Test
  void kazakhFallbackStripsCaseAndPluralEndingsConservatively() {
    assertSameStem(Language.KAZAKH, "құжат", "құжаттар", "құжаттарды", "құжатты", "Құжаттың");
    assertSameStem(Language.KAZAKH, "сот", "соттың", "сотта", "соттан", "соттар");
    assertSameStem(Language.KAZAKH, "бала", "балалар", "балаға", "баланың", "балаларға");
    assertSameStem(Language.KAZAKH, "мектеп", "мектепке", "мектептер", "мектепте");
    // Too short to strip, and a voiceless ending after a vowel is not an ending.
    assertEquals("әке", stem(Language.KAZAKH, "әке"));
    assertEquals("ата", stem(Language.KAZAKH, "ата"));
    assertEquals("үйде", stem(Language.KAZAKH, "үйде"));
  }

  @Test
  void kazakhFallbackIsAtLeastCaseAndNormalisationEquivalent() {
    assertSameStem(Language.KAZAKH, "ҚҰЖАТ", "құжат", "Құжат");
    // Full-width Latin letters and ligatures fold with NFKC in every language.
    assertEquals(stems(Language.KAZAKH, "file"), stems(Language.KAZAKH, "ﬁle"));
    assertEquals(stems(Language.UNDETERMINED, "abc"), stems(Language.UNDETERMINED, "ＡＢＣ"));
  }

  @Test
  void latinWordsInsideRussianDocumentsAreStemmedAsEnglishAndViceVersa() {
    assertEquals(List.of("hear", "суд"), stems(Language.RUSSIAN, "hearings суда"));
    assertEquals(List.of("hear", "суд"), stems(Language.ENGLISH, "hearings суда"));
  }

  @Test
  void undeterminedDocumentsAreFoldedButNotStemmed() {
    assertEquals(
        List.of("hearings", "the", "суда"), stems(Language.UNDETERMINED, "Hearings the СУДА"));
  }

  @Test
  void foldingHandlesInvisibleCharactersStressMarksAndCompatibilityForms() {
    assertEquals("документ", TermAnalyzer.normalize("доку\u00ADмент"));
    assertEquals("документ", TermAnalyzer.normalize("докуме\u0301нт"));
    assertEquals("café", TermAnalyzer.normalize("Cafe\u0301"));
    assertEquals("strasse", TermAnalyzer.normalize("STRAẞE"));
    assertEquals("σοφοσ", TermAnalyzer.normalize("ΣΟΦΟΣ"));
    assertEquals("σοφοσ", TermAnalyzer.normalize("σοφος"));
    assertEquals("file 2", TermAnalyzer.normalize("ﬁle ２"));
  }

  @Test
  void numbersAreTokensAndVeryLongTokensAreDropped() {
    assertEquals(List.of("2", "1234", "2024"), stems(Language.RUSSIAN, "№ 2-1234/2024"));
    assertEquals(List.of("ok"), stems(Language.ENGLISH, "x".repeat(200) + " ok"));
  }

  @Test
  void queryWordsGetTheStemsOfEveryAnalyser() {
    assertEquals(List.of(Set.of("hear", "hearings")), ANALYZER.queryStems("Hearings"));
    assertEquals(List.of(Set.of("суд", "суда")), ANALYZER.queryStems("суда"));
    List<Set<String>> kazakh = ANALYZER.queryStems("соттың");
    assertEquals(1, kazakh.size());
    assertTrue(kazakh.get(0).contains("сот"), "Kazakh stem among the alternatives");
    assertTrue(kazakh.get(0).contains("соттың"), "unstemmed form among the alternatives");
  }

  @Test
  void everyDocumentStemIsAmongTheQueryAlternativesOfTheSameWord() {
    String[] words = {
      "Hearings", "evaluation", "судом", "ребёнка", "құжаттарды", "балаларға", "2024"
    };
    for (Language language : Language.values()) {
      for (String word : words) {
        List<String> doc = stems(language, word);
        List<Set<String>> query = ANALYZER.queryStems(word);
        assertEquals(1, query.size());
        assertTrue(query.get(0).containsAll(doc), language + " stem of test word in query set");
      }
    }
  }

  @Test
  void queryStopWordsInAnyLanguageAreDroppedAndCompoundWordsSplit() {
    assertEquals(List.of(), ANALYZER.queryStems("the"));
    assertEquals(List.of(), ANALYZER.queryStems("и"));
    assertEquals(List.of(), ANALYZER.queryStems("және"));
    assertEquals(List.of(), ANALYZER.queryStems("…"));
    assertEquals(2, ANALYZER.queryStems("e-mail").size());
  }
}

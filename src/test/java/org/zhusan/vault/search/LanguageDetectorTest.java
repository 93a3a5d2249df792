package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
  @Test
  void detectsEnglishFromAShortSentence() {
    assertEquals(Language.ENGLISH, LanguageDetector.detect("The hearing is scheduled for Monday."));
    assertEquals(Language.ENGLISH, LanguageDetector.detect("Psychological evaluation report"));
  }

  @Test
  void detectsRussianFromAShortSentence() {
    assertEquals(Language.RUSSIAN, LanguageDetector.detect("Решение суда по делу о ребёнке."));
  }

  @Test
  void detectsKazakhByItsOwnLetters() {
    assertEquals(
        Language.KAZAKH, LanguageDetector.detect("Соттың шешімі бойынша баланың құжаттары дайын."));
    assertEquals(Language.KAZAKH, LanguageDetector.detect("Мектепке бару үшін өтініш"));
  }

  @Test
  void aRussianTextMentioningKazakhNamesStaysRussian() {
    String text =
        "Центр в Алматы (Қазақстан) принял на реабилитацию женщину с двумя детьми. Психолог провёл"
            + " первичную беседу, социальный работник подготовил документы для школы и детского"
            + " сада, юрист изучил материалы уголовного дела и назначил встречу с адвокатом.";
    assertEquals(Language.RUSSIAN, LanguageDetector.detect(text));
  }

  @Test
  void mixedTextGoesByTheMajorityScript() {
    assertEquals(
        Language.RUSSIAN,
        LanguageDetector.detect(
            "Отчёт UNICEF о реабилитации детей, вернувшихся из зоны конфликта"));
    assertEquals(
        Language.ENGLISH,
        LanguageDetector.detect("Report on the case of Айгерим, hearing on Monday"));
  }

  @Test
  void otherScriptsDiacriticHeavyLatinAndTooLittleTextAreUndetermined() {
    assertEquals(Language.UNDETERMINED, LanguageDetector.detect("المحكمة قررت"));
    assertEquals(
        Language.UNDETERMINED,
        LanguageDetector.detect("Mahkeme kararı açıklandı, çocuğun güvenliği"));
    assertEquals(Language.UNDETERMINED, LanguageDetector.detect("12-34/2024 …"));
    assertEquals(Language.UNDETERMINED, LanguageDetector.detect(""));
  }

  @Test
  void looksOnlyAtTheFirstTenThousandCharacters() {
    String english = "court hearing ".repeat(LanguageDetector.SAMPLE_CHARS / 14 + 1);
    assertEquals(Language.ENGLISH, LanguageDetector.detect(english + "суд ".repeat(10_000)));
  }

  @Test
  void languageCodesRoundTrip() {
    for (Language language : Language.values()) {
      assertEquals(language, Language.fromCode(language.code()).orElseThrow());
    }
    assertEquals("kk", Language.KAZAKH.code());
    assertEquals("und", Language.UNDETERMINED.code());
  }
}

package org.zhusan.vault.search;

/**
 * A deliberately light, conservative suffix stripper for Kazakh in Cyrillic script. There is no
 * Kazakh stemmer in Lucene or Snowball; this one removes only the most regular inflections so that
 * the commonest forms of a noun find each other, and leaves everything else alone.
 *
 * <p>What it does, on a lower-cased word:
 *
 * <ol>
 *   <li>Removes at most one <b>case ending</b>, longest first: ablative
 *       (-дан/-ден/-тан/-тен/-нан/-нен), genitive (-ның/-нің/-дың/-дің/-тың/-тің), locative
 *       (-нда/-нде/-да/-де/-та/-те), dative (-ға/-ге/-қа/-ке/-на/-не), accusative
 *       (-ны/-ні/-ды/-ді/-ты/-ті), instrumental (-мен/-бен/-пен).
 *   <li>Then at most one <b>plural</b> ending (-лар/-лер/-дар/-дер/-тар/-тер).
 * </ol>
 *
 * Guards: a suffix is removed only if at least {@value #MIN_STEM} letters remain, and the voiceless
 * variants (starting with т, қ, к or п) only after a consonant, as Kazakh phonology requires. So
 * құжаттарды → құжат, соттың → сот, балаларға → бала, мектепке → мектеп.
 *
 * <p>What it does not do: possessive endings (-ы/-і/-сы/-сі/-ым/-ің …), predicative and verbal
 * morphology, vowel-harmony validation beyond the guard above, Kazakh in Latin script, or Russian
 * words inside Kazakh text (which stay unstemmed). It conflates some unrelated words (заңды
 * "lawful" → заң "law", бірге "together" → бір "one"); index and query use the same rules, so this
 * costs precision, never recall.
 *
 * <p>Thread safety: stateless.
 */
final class KazakhLightStemmer {
  static final int MIN_STEM = 3;

  // Longest first: three-letter endings are tried before the two-letter ones they end with.
  private static final String[] CASE_ENDINGS =
      ("дан ден тан тен нан нен ның нің дың дің тың тің нда нде мен бен пен"
              + " да де та те ға ге қа ке на не ны ні ды ді ты ті")
          .split(" ");

  private static final String[] PLURAL_ENDINGS = {"лар", "лер", "дар", "дер", "тар", "тер"};

  private KazakhLightStemmer() {}

  /** Stems {@code s[0..len)} in place and returns the new length. */
  static int stem(char[] s, int len) {
    len = strip(s, len, CASE_ENDINGS);
    return strip(s, len, PLURAL_ENDINGS);
  }

  static String stem(String word) {
    char[] s = word.toCharArray();
    return new String(s, 0, stem(s, s.length));
  }

  private static int strip(char[] s, int len, String[] endings) {
    for (String ending : endings) {
      int stemLength = len - ending.length();
      if (stemLength < MIN_STEM || !endsWith(s, len, ending)) {
        continue;
      }
      if (isVoicelessVariant(ending.charAt(0)) && !isConsonant(s[stemLength - 1])) {
        continue;
      }
      return stemLength;
    }
    return len;
  }

  private static boolean endsWith(char[] s, int len, String ending) {
    int start = len - ending.length();
    for (int i = 0; i < ending.length(); i++) {
      if (s[start + i] != ending.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVoicelessVariant(char c) {
    return c == 'т' || c == 'қ' || c == 'к' || c == 'п';
  }

  private static boolean isConsonant(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC
        && Character.isLetter(c)
        && "аәеёиоөуұүыіэюяьъ".indexOf(c) < 0;
  }
}

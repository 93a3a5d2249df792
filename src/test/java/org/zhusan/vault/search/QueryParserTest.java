package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class QueryParserTest {
  private static final TermAnalyzer ANALYZER = new TermAnalyzer();
  private static final BlindTokens TOKENS = SearchFixtures.tokens();
  private static final QueryParser PARSER = new QueryParser(ANALYZER, TOKENS);

  @AfterAll
  static void close() {
    ANALYZER.close();
  }

  private static Query parse(String q) {
    return PARSER.parse(q);
  }

  /** The leaf a single-token word should become: the tokens of all its stems. */
  private static Query.Term term(String word) {
    List<Set<String>> stems = ANALYZER.queryStems(word);
    assertEquals(1, stems.size());
    Set<BlindToken> tokens = new TreeSet<>();
    stems.get(0).forEach(s -> tokens.add(TOKENS.token(s)));
    return new Query.Term(tokens);
  }

  private static Query and(Query... q) {
    return new Query.And(List.of(q));
  }

  private static Query or(Query... q) {
    return new Query.Or(List.of(q));
  }

  private static Query not(Query q) {
    return new Query.Not(q);
  }

  private static QuerySyntaxException rejects(String q) {
    return assertThrows(QuerySyntaxException.class, () -> parse(q));
  }

  @Test
  void aWordBecomesTheTokensOfAllItsStems() {
    Query.Term suda = (Query.Term) parse("суда");
    assertEquals(Set.of(TOKENS.token("суд"), TOKENS.token("суда")), suda.anyOf());
    // Any inflected form finds the Russian stem that documents store.
    assertTrue(((Query.Term) parse("судом")).anyOf().contains(TOKENS.token("суд")));
    assertTrue(((Query.Term) parse("Hearings")).anyOf().contains(TOKENS.token("hear")));
  }

  @Test
  void juxtapositionIsAnd() {
    assertEquals(and(term("суд"), term("решение")), parse("суд решение"));
    assertEquals(parse("суд AND решение"), parse("суд решение"));
    assertEquals(
        and(term("court"), term("hearing"), term("lawyer")), parse("court hearing lawyer"));
  }

  @Test
  void notBindsTighterThanAndWhichBindsTighterThanOr() {
    assertEquals(
        or(term("court"), and(term("hearing"), term("lawyer"))), parse("court OR hearing lawyer"));
    assertEquals(
        or(and(term("court"), term("hearing")), term("lawyer")), parse("court hearing OR lawyer"));
    assertEquals(and(not(term("court")), term("hearing")), parse("NOT court hearing"));
    assertEquals(
        or(term("court"), and(term("hearing"), not(term("lawyer")))),
        parse("court OR hearing AND NOT lawyer"));
  }

  @Test
  void parenthesesGroup() {
    assertEquals(
        and(or(term("court"), term("hearing")), term("lawyer")),
        parse("(court OR hearing) lawyer"));
    assertEquals(
        and(term("lawyer"), not(or(term("court"), term("hearing")))),
        parse("lawyer NOT (court OR hearing)"));
    assertEquals(term("court"), parse("((court))"));
  }

  @Test
  void doubleNegationCancelsAndNestedOperatorsFlatten() {
    assertEquals(and(term("court"), term("hearing")), parse("court NOT NOT hearing"));
    assertEquals(
        and(term("court"), term("hearing"), term("lawyer")), parse("court (hearing lawyer)"));
    assertEquals(
        or(term("court"), term("hearing"), term("lawyer")), parse("court OR (hearing OR lawyer)"));
  }

  @Test
  void stopWordsAndLowerCaseOperatorsAreDropped() {
    assertEquals(term("court"), parse("the court"));
    assertEquals(and(term("court"), term("hearing")), parse("court and hearing"));
    assertEquals(and(term("суд"), term("решение")), parse("суд и решение"));
    assertEquals(term("court"), parse("court OR the"));
    assertEquals(term("court"), parse("court NOT the"));
  }

  @Test
  void compoundWordsAreTheAndOfTheirParts() {
    assertEquals(and(term("e"), term("mail")), parse("e-mail"));
    assertEquals(3, parse("2-1234/2024").termCount());
  }

  @Test
  void wildcardsAreRejectedClearly() {
    QuerySyntaxException e = rejects("суд*");
    assertTrue(e.getMessage().contains("Wildcards"), e.getMessage());
    assertEquals(4, e.position());
    rejects("*");
    rejects("court AND hear*ng");
  }

  @Test
  void tooLongQueriesAreRejectedBeforeAnythingElse() {
    String tooLong = "court ".repeat(QueryParser.MAX_QUERY_CHARS / 6 + 1);
    assertTrue(rejects(tooLong).getMessage().contains("too long"));
    assertTrue(
        rejects("*".repeat(QueryParser.MAX_QUERY_CHARS + 1)).getMessage().contains("too long"));
  }

  @Test
  void tooManyWordsAreRejected() {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i <= QueryParser.MAX_TERMS; i++) {
      q.append("word").append(i).append(' ');
    }
    assertTrue(rejects(q.toString()).getMessage().contains("Too many words"));
    assertEquals(QueryParser.MAX_TERMS, parse(q.substring(0, q.lastIndexOf("word"))).termCount());
  }

  @Test
  void aQueryOfOnlyNegationsIsRejected() {
    assertTrue(rejects("NOT court").getMessage().contains("without NOT"));
    rejects("NOT court NOT hearing");
    rejects("NOT (court OR hearing)");
    assertTrue(rejects("court OR NOT hearing").getMessage().contains("every OR alternative"));
    rejects("NOT NOT NOT court");
  }

  @Test
  void danglingOperatorsAreRejected() {
    QuerySyntaxException e = rejects("court AND");
    assertEquals(
        "AND at position 7 must be followed by a word, not by the end of the query.",
        e.getMessage());
    assertEquals("AND at position 1 needs a word before it.", rejects("AND court").getMessage());
    assertEquals(
        "OR at position 7 must be followed by a word, not by OR.",
        rejects("court OR OR hearing").getMessage());
    rejects("court OR");
    rejects("court NOT");
    rejects("NOT");
    rejects("court AND )");
    rejects("(OR court)");
  }

  @Test
  void emptyQueriesAndEmptyOrUnbalancedParenthesesAreRejected() {
    assertEquals("The query is empty.", rejects("").getMessage());
    assertEquals("The query is empty.", rejects(" \t\n ").getMessage());
    assertTrue(rejects("()").getMessage().contains("Empty parentheses"));
    assertTrue(rejects("(court").getMessage().contains("never closed"));
    assertTrue(rejects("court)").getMessage().contains("Unmatched ')'"));
    assertTrue(rejects("((((((((( court )))))))))").getMessage().contains("nested too deeply"));
    assertTrue(rejects("the and …").getMessage().contains("no searchable words"));
  }

  @Test
  void quotesAndMinusPrefixesAreRejectedWithAHint() {
    assertTrue(rejects("\"court hearing\"").getMessage().contains("phrase"));
    assertTrue(rejects("court -hearing").getMessage().contains("NOT"));
    assertEquals(term("court"), parse("court -"));
  }

  @Test
  void errorMessagesNeverRepeatTheQueryWords() {
    String secret = "Nurova";
    String[] bad = {
      secret + "*",
      secret + " AND",
      "NOT " + secret,
      "(" + secret,
      secret + ")",
      "\"" + secret + "\"",
      "-" + secret,
      secret + " OR NOT court",
      (secret + " ").repeat(100)
    };
    for (String q : bad) {
      QuerySyntaxException e = rejects(q);
      assertFalse(e.getMessage().toLowerCase().contains("nurova"), e.getMessage());
      assertFalse(e.getMessage().contains("nurov"), e.getMessage());
    }
  }

  @Test
  void theTreeHoldsNoPlaintext() {
    Query q = parse("Nurova AND hearing");
    assertFalse(q.toString().toLowerCase().contains("nurov"));
    assertFalse(q.toString().contains("hear"));
  }

  @Test
  void underSeveralKeyVersionsEachTermHoldsItsStemsTokensUnderEveryVersion() {
    var rotating = SearchFixtures.rotatingKeyring();
    BlindTokens v1 = BlindTokens.create(rotating, 1);
    BlindTokens v2 = BlindTokens.create(rotating, 2);
    QueryParser both = new QueryParser(ANALYZER, List.of(v1, v2));
    Query q = both.parse("суда AND hearings NOT appeal");
    Query single1 = new QueryParser(ANALYZER, v1).parse("суда AND hearings NOT appeal");
    Query single2 = new QueryParser(ANALYZER, v2).parse("суда AND hearings NOT appeal");
    // Same shape; every leaf is the union of the two single-version leaves.
    assertEquals(single1.termCount(), q.termCount());
    assertEquals(union(single1, single2), q);
    assertThrows(IllegalArgumentException.class, () -> new QueryParser(ANALYZER, List.of()));
  }

  private static Query union(Query a, Query b) {
    if (a instanceof Query.Term ta) {
      Set<BlindToken> all = new TreeSet<>(ta.anyOf());
      all.addAll(((Query.Term) b).anyOf());
      return new Query.Term(all);
    }
    if (a instanceof Query.Not na) {
      return new Query.Not(union(na.operand(), ((Query.Not) b).operand()));
    }
    List<Query> ao = a instanceof Query.And x ? x.operands() : ((Query.Or) a).operands();
    List<Query> bo = b instanceof Query.And x ? x.operands() : ((Query.Or) b).operands();
    List<Query> out = new java.util.ArrayList<>();
    for (int i = 0; i < ao.size(); i++) {
      out.add(union(ao.get(i), bo.get(i)));
    }
    return a instanceof Query.And ? new Query.And(out) : new Query.Or(out);
  }
}

package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuerySqlTest {
  private static final BlindToken A = BlindToken.fromHex("0a0a");
  private static final BlindToken A2 = BlindToken.fromHex("0a0b");
  private static final BlindToken B = BlindToken.fromHex("0b0b");
  private static final BlindToken C = BlindToken.fromHex("0c0c");

  private static final String HEAD =
      "SELECT h.version_id, h.score FROM (SELECT s.version_id, bit_or(q.leaves) AS leaves,"
          + " SUM(s.tf) FILTER (WHERE q.positive) AS score FROM (VALUES ";
  private static final String MIDDLE =
      ") AS q(token, leaves, positive) JOIN search_token s ON s.token = q.token"
          + " GROUP BY s.version_id) AS h WHERE ";

  private static Query.Term term(BlindToken... tokens) {
    return new Query.Term(Set.of(tokens));
  }

  @Test
  void oneWordWithTwoStemsIsOneLeafWithTwoTokenRows() {
    QuerySql.Fragment f = QuerySql.candidates(term(A2, A));
    assertEquals(
        HEAD
            + "(CAST(? AS bytea), 1, TRUE), (CAST(? AS bytea), 1, TRUE)"
            + MIDDLE
            + "(h.leaves & 1) <> 0",
        f.sql());
    assertEquals(List.of(A, A2), f.parameters(), "tokens in byte order");
  }

  @Test
  void andOfAWordAndANegatedWord() {
    QuerySql.Fragment f =
        QuerySql.candidates(new Query.And(List.of(term(B), new Query.Not(term(C)))));
    assertEquals(
        HEAD
            + "(CAST(? AS bytea), 1, TRUE), (CAST(? AS bytea), 2, FALSE)"
            + MIDDLE
            + "((h.leaves & 1) <> 0 AND NOT ((h.leaves & 2) <> 0))",
        f.sql());
    assertEquals(List.of(B, C), f.parameters());
  }

  @Test
  void orInsideAndWithATokenSharedByTwoLeaves() {
    // (A OR B) AND NOT (A): token A belongs to leaf 1 (positive) and leaf 3 (negated).
    Query q =
        new Query.And(List.of(new Query.Or(List.of(term(A), term(B))), new Query.Not(term(A))));
    QuerySql.Fragment f = QuerySql.candidates(q);
    assertEquals(
        HEAD
            + "(CAST(? AS bytea), 5, TRUE), (CAST(? AS bytea), 2, TRUE)"
            + MIDDLE
            + "(((h.leaves & 1) <> 0 OR (h.leaves & 2) <> 0) AND NOT ((h.leaves & 4) <> 0))",
        f.sql());
    assertEquals(List.of(A, B), f.parameters());
  }

  @Test
  void doubleNegationCountsAsPositiveForTheScore() {
    Query q = new Query.And(List.of(term(A), new Query.Not(new Query.Not(term(B)))));
    QuerySql.Fragment f = QuerySql.candidates(q);
    assertTrue(f.sql().contains("(CAST(? AS bytea), 2, TRUE)"), f.sql());
  }

  @Test
  void parsedQueriesProduceOnlyPlaceholdersNeverTokenBytesOrWords() {
    TermAnalyzer analyzer = new TermAnalyzer();
    try {
      BlindTokens tokens = SearchFixtures.tokens();
      Query q = new QueryParser(analyzer, tokens).parse("Nurova OR (суд NOT hearing)");
      QuerySql.Fragment f = QuerySql.candidates(q);
      assertFalse(f.sql().toLowerCase().contains("nurov"));
      assertFalse(f.sql().contains("суд"));
      for (BlindToken t : f.parameters()) {
        assertFalse(f.sql().contains(t.toHex()));
      }
      assertEquals(f.sql().chars().filter(c -> c == '?').count(), f.parameters().size());
    } finally {
      analyzer.close();
    }
  }

  @Test
  void rejectsQueriesThatAreNotAnchoredOrTooBig() {
    assertThrows(IllegalArgumentException.class, () -> QuerySql.candidates(new Query.Not(term(A))));
    assertThrows(
        IllegalArgumentException.class,
        () -> QuerySql.candidates(new Query.Or(List.of(term(A), new Query.Not(term(B))))));
    Query[] many = new Query[QuerySql.MAX_LEAVES + 1];
    for (int i = 0; i < many.length; i++) {
      many[i] = term(BlindToken.of(new byte[] {(byte) i}));
    }
    assertThrows(
        IllegalArgumentException.class, () -> QuerySql.candidates(new Query.And(List.of(many))));
    assertEquals(
        QuerySql.MAX_LEAVES,
        QuerySql.candidates(new Query.And(List.of(many).subList(0, QuerySql.MAX_LEAVES)))
            .parameters()
            .size());
  }
}

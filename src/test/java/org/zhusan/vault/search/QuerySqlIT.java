package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link QuerySql} against the local PostgreSQL (it.db.* properties): random query trees give the
 * same versions and scores as evaluating the tree in memory, and indexed Russian text is found by
 * other inflected forms. Works in a throwaway schema that it drops.
 */
class QuerySqlIT {
  private static final int TOKEN_POOL = 8;
  private static final int VERSIONS = 400;

  private static Connection db;
  private static String schema;
  private static final List<BlindToken> POOL = new ArrayList<>();
  private static final Map<UUID, Map<BlindToken, Integer>> CORPUS = new TreeMap<>();

  @BeforeAll
  static void createSchema() throws SQLException {
    String url =
        "jdbc:postgresql://"
            + System.getProperty("it.db.host", "127.0.0.1")
            + ":"
            + System.getProperty("it.db.port", "5432")
            + "/postgres";
    db = DriverManager.getConnection(url, System.getProperty("it.db.admin.user", "postgres"), "");
    schema = "search_sql_it_" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
    try (Statement s = db.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
      s.execute("SET search_path TO " + schema);
      s.execute(
          "CREATE TABLE search_token (version_id UUID NOT NULL, token BYTEA NOT NULL"
              + " CHECK (octet_length(token) = 16), tf INTEGER NOT NULL CHECK (tf > 0),"
              + " PRIMARY KEY (token, version_id) INCLUDE (tf))");
      s.execute("CREATE INDEX search_token_version_idx ON search_token (version_id)");
    }
    Random random = new Random(11);
    for (int i = 0; i < TOKEN_POOL; i++) {
      byte[] b = new byte[16];
      random.nextBytes(b);
      POOL.add(BlindToken.of(b));
    }
    try (PreparedStatement insert =
        db.prepareStatement("INSERT INTO search_token (version_id, token, tf) VALUES (?, ?, ?)")) {
      for (int v = 0; v < VERSIONS; v++) {
        UUID id = new UUID(random.nextLong(), random.nextLong());
        Map<BlindToken, Integer> tokens = new HashMap<>();
        for (BlindToken t : POOL) {
          if (random.nextInt(3) == 0) {
            tokens.put(t, 1 + random.nextInt(5));
          }
        }
        CORPUS.put(id, tokens);
        for (Map.Entry<BlindToken, Integer> e : tokens.entrySet()) {
          insert.setObject(1, id);
          insert.setBytes(2, e.getKey().bytes());
          insert.setInt(3, e.getValue());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    if (db != null) {
      try (Statement s = db.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      } finally {
        db.close();
      }
    }
  }

  @Test
  void randomQueryTreesMatchAnInMemoryEvaluation() throws SQLException {
    Random random = new Random(5);
    int checked = 0;
    while (checked < 300) {
      Query q = randomTree(random, 3);
      if (!q.isAnchored()) {
        continue;
      }
      checked++;
      assertEquals(expected(q), run(q), q::toString);
    }
  }

  @Test
  void indexedRussianTextIsFoundByOtherInflectedForms() throws SQLException {
    TermAnalyzer analyzer = new TermAnalyzer();
    BlindTokens tokens = SearchFixtures.tokens();
    try (Statement s = db.createStatement()) {
      s.execute("TRUNCATE search_token");
      UUID ruling = UUID.randomUUID();
      UUID report = UUID.randomUUID();
      insert(
          ruling,
          TermFrequencies.of(
              analyzer, tokens, List.of("Решение суда о ребёнке: ", "документы приложены.")));
      insert(
          report,
          TermFrequencies.of(analyzer, tokens, List.of("The hearing of the child was adjourned.")));
      QueryParser parser = new QueryParser(analyzer, tokens);
      assertEquals(Set.of(ruling), run(parser.parse("судом")).keySet());
      assertEquals(Set.of(ruling), run(parser.parse("ребенка документов")).keySet());
      assertEquals(Set.of(report), run(parser.parse("hearings")).keySet());
      assertEquals(Set.of(ruling, report), run(parser.parse("суду OR hearings")).keySet());
      assertEquals(Set.of(), run(parser.parse("суд hearing")).keySet());
      assertEquals(Set.of(ruling), run(parser.parse("решений NOT hearing")).keySet());
    } finally {
      analyzer.close();
      CORPUS.clear();
    }
  }

  @Test
  void duringAKeyRotationDocumentsUnderEitherKeyVersionMatchAndScoreAsUnderTheirOwnKey()
      throws SQLException {
    TermAnalyzer analyzer = new TermAnalyzer();
    var rotating = SearchFixtures.rotatingKeyring();
    BlindTokens v1 = BlindTokens.create(rotating, 1);
    BlindTokens v2 = BlindTokens.create(rotating, 2);
    try (Statement s = db.createStatement()) {
      s.execute("TRUNCATE search_token");
      List<String> rulingText =
          List.of("Решение суда о ребёнке. Суд решил: ", "документы приложены.");
      List<String> reportText =
          List.of("The hearing of the child was adjourned; the court hearing resumes.");
      UUID rulingOld = UUID.randomUUID();
      UUID rulingNew = UUID.randomUUID();
      UUID reportOld = UUID.randomUUID();
      UUID reportNew = UUID.randomUUID();
      insert(rulingOld, TermFrequencies.of(analyzer, v1, rulingText));
      insert(rulingNew, TermFrequencies.of(analyzer, v2, rulingText));
      insert(reportOld, TermFrequencies.of(analyzer, v1, reportText));
      insert(reportNew, TermFrequencies.of(analyzer, v2, reportText));
      QueryParser both = new QueryParser(analyzer, List.of(v1, v2));
      QueryParser onlyOld = new QueryParser(analyzer, v1);
      QueryParser onlyNew = new QueryParser(analyzer, v2);
      for (String q :
          List.of(
              "суд",
              "судом AND документов",
              "hearing",
              "суду OR hearings",
              "court NOT суд",
              "суд hearing",
              "решений NOT hearing",
              "(hearing OR документ) NOT adjourned")) {
        Map<UUID, Long> found = run(both.parse(q));
        Map<UUID, Long> old = run(onlyOld.parse(q));
        Map<UUID, Long> fresh = run(onlyNew.parse(q));
        // The single-version parsers find only their own key's copies ...
        assertEquals(Set.of(), intersection(old.keySet(), Set.of(rulingNew, reportNew)), q);
        assertEquals(Set.of(), intersection(fresh.keySet(), Set.of(rulingOld, reportOld)), q);
        // ... the multi-version parser finds both, each with its own key's score, and nothing else.
        Map<UUID, Long> expected = new TreeMap<>(old);
        expected.putAll(fresh);
        assertEquals(expected, found, q);
        for (UUID[] pair : new UUID[][] {{rulingOld, rulingNew}, {reportOld, reportNew}}) {
          assertEquals(found.get(pair[0]), found.get(pair[1]), q);
        }
      }
      assertEquals(Set.of(rulingOld, rulingNew), run(both.parse("суд")).keySet());
      assertEquals(Set.of(reportOld, reportNew), run(both.parse("court NOT суд")).keySet());
    } finally {
      analyzer.close();
      CORPUS.clear();
    }
  }

  private static Set<UUID> intersection(Set<UUID> a, Set<UUID> b) {
    Set<UUID> out = new java.util.TreeSet<>(a);
    out.retainAll(b);
    return out;
  }

  private static void insert(UUID version, TermFrequencies tf) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement("INSERT INTO search_token (version_id, token, tf) VALUES (?, ?, ?)")) {
      for (Map.Entry<BlindToken, Integer> e : tf.counts().entrySet()) {
        insert.setObject(1, version);
        insert.setBytes(2, e.getKey().bytes());
        insert.setInt(3, e.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static Map<UUID, Long> run(Query q) throws SQLException {
    QuerySql.Fragment f = QuerySql.candidates(q);
    Map<UUID, Long> out = new TreeMap<>();
    try (PreparedStatement ps = db.prepareStatement(f.sql())) {
      f.bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getObject(1, UUID.class), rs.getLong(2));
        }
      }
    }
    return out;
  }

  private static Map<UUID, Long> expected(Query q) {
    Map<UUID, Long> out = new TreeMap<>();
    for (Map.Entry<UUID, Map<BlindToken, Integer>> doc : CORPUS.entrySet()) {
      if (matches(q, doc.getValue().keySet())) {
        long score = 0;
        Set<BlindToken> positive = new java.util.HashSet<>();
        positiveTokens(q, true, positive);
        for (BlindToken t : positive) {
          score += doc.getValue().getOrDefault(t, 0);
        }
        out.put(doc.getKey(), score);
      }
    }
    return out;
  }

  private static boolean matches(Query q, Set<BlindToken> doc) {
    if (q instanceof Query.Term) {
      return ((Query.Term) q).anyOf().stream().anyMatch(doc::contains);
    }
    if (q instanceof Query.Not) {
      return !matches(((Query.Not) q).operand(), doc);
    }
    if (q instanceof Query.And) {
      return ((Query.And) q).operands().stream().allMatch(o -> matches(o, doc));
    }
    return ((Query.Or) q).operands().stream().anyMatch(o -> matches(o, doc));
  }

  private static void positiveTokens(Query q, boolean positive, Set<BlindToken> out) {
    if (q instanceof Query.Term) {
      if (positive) {
        out.addAll(((Query.Term) q).anyOf());
      }
    } else if (q instanceof Query.Not) {
      positiveTokens(((Query.Not) q).operand(), !positive, out);
    } else {
      List<Query> ops =
          q instanceof Query.And ? ((Query.And) q).operands() : ((Query.Or) q).operands();
      ops.forEach(o -> positiveTokens(o, positive, out));
    }
  }

  private static Query randomTree(Random random, int depth) {
    int kind = depth == 0 ? 0 : random.nextInt(4);
    switch (kind) {
      case 0:
        {
          Set<BlindToken> tokens = new java.util.HashSet<>();
          int n = 1 + random.nextInt(2);
          for (int i = 0; i < n; i++) {
            tokens.add(POOL.get(random.nextInt(POOL.size())));
          }
          return new Query.Term(tokens);
        }
      case 1:
        return new Query.Not(randomTree(random, depth - 1));
      default:
        {
          List<Query> ops = new ArrayList<>();
          int n = 2 + random.nextInt(2);
          for (int i = 0; i < n; i++) {
            ops.add(randomTree(random, depth - 1));
          }
          return kind == 2 ? new Query.And(ops) : new Query.Or(ops);
        }
    }
  }
}

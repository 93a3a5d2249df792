package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.Dumps;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * The query language end to end (Russian inflection, AND / OR / NOT, ranking, paging, syntax
 * errors), one access-log entry per search without the query words, and no indexed or searched word
 * anywhere in a database dump.
 */
class SearchQueryIT {
  static final String CENTRE = "SHY-01";
  static final String LAWYER = Tokens.token("search-q-lawyer", "LAWYER", CENTRE);
  static String subject;
  static String russian;
  static String quokka;
  static String narwhal;
  static String triple;

  /** Words that are indexed or searched below and must never appear in clear in the database. */
  static final List<String> SECRET_WORDS =
      List.of(
          "Кызылжарского",
          "кызылжарск",
          "судом",
          "ребёнка",
          "ребенк",
          "zebrafish",
          "quokka",
          "narwhal",
          "axolotl");

  @BeforeAll
  static void upload() throws Exception {
    subject =
        Subjects.create(LAWYER, CENTRE, "Search Query Owner", Subjects.randomIin()).getString("id");
    russian =
        SearchClient.upload(
                LAWYER,
                subject,
                "COURT",
                "Решение",
                "reshenie.txt",
                ("Решение Кызылжарского районного суда. Дело рассмотрено судом в присутствии"
                        + " ребёнка и его матери.\n"
                        + "Суд постановил продлить программу реабилитации.\n")
                    .getBytes(StandardCharsets.UTF_8))
            .getString("id");
    quokka =
        SearchClient.upload(
                LAWYER,
                subject,
                "COURT",
                "Quokka",
                "a.txt",
                "The zebrafish report mentions a quokka.\n".getBytes(StandardCharsets.UTF_8))
            .getString("id");
    narwhal =
        SearchClient.upload(
                LAWYER,
                subject,
                "COURT",
                "Narwhal",
                "b.txt",
                "The zebrafish report mentions a narwhal.\n".getBytes(StandardCharsets.UTF_8))
            .getString("id");
    triple =
        SearchClient.upload(
                LAWYER,
                subject,
                "CORRESPONDENCE",
                "Triple",
                "c.txt",
                "Zebrafish, zebrafish and more zebrafish; also an axolotl.\n"
                    .getBytes(StandardCharsets.UTF_8))
            .getString("id");
  }

  static Set<String> found(String q) throws Exception {
    return SearchClient.documents(SearchClient.page(LAWYER, q));
  }

  @Test
  void russianInflectedFormsFindEachOther() throws Exception {
    assertEquals(Set.of(russian), found("суд"));
    assertEquals(Set.of(russian), found("суда"));
    assertEquals(Set.of(russian), found("судами"));
    assertEquals(Set.of(russian), found("ребёнка"));
    assertEquals(Set.of(russian), found("РЕБЕНКА"));
    assertEquals(Set.of(russian), found("кызылжарский"));
    assertEquals(Set.of(russian), found("реабилитация AND программы"));
  }

  @Test
  void booleanOperators() throws Exception {
    assertEquals(Set.of(quokka, narwhal, triple), found("zebrafish"));
    assertEquals(Set.of(quokka), found("zebrafish AND quokka"));
    assertEquals(Set.of(quokka), found("zebrafish quokka"));
    assertEquals(Set.of(quokka, narwhal), found("quokka OR narwhal"));
    assertEquals(Set.of(quokka, triple), found("zebrafish NOT narwhal"));
    assertEquals(Set.of(quokka, narwhal), found("zebrafish AND (quokka OR narwhal)"));
    assertEquals(Set.of(), found("quokka AND narwhal"));
    assertEquals(Set.of(russian, triple), found("суд OR axolotl"));
  }

  @Test
  void rankedByOccurrencesAndPaginatedAfterFiltering() throws Exception {
    JsonObject all = SearchClient.page(LAWYER, "zebrafish");
    assertEquals(3, all.getInt("total"));
    assertEquals(triple, all.getJsonArray("items").getJsonObject(0).getString("documentId"));
    assertEquals(3, all.getJsonArray("items").getJsonObject(0).getJsonNumber("score").longValue());

    JsonObject first = Http.json(SearchClient.search(LAWYER, "zebrafish", null, "?limit=2"));
    assertEquals(3, first.getInt("total"));
    assertEquals(2, first.getJsonArray("items").size());
    JsonObject second =
        Http.json(SearchClient.search(LAWYER, "zebrafish", null, "?offset=2&limit=2"));
    assertEquals(3, second.getInt("total"));
    assertEquals(1, second.getJsonArray("items").size());
    JsonObject beyond =
        Http.json(SearchClient.search(LAWYER, "zebrafish", null, "?offset=10&limit=2"));
    assertEquals(3, beyond.getInt("total"));
    assertEquals(0, beyond.getJsonArray("items").size());

    // A teacher of the same centre reads none of these types: no hits, no total.
    JsonObject teacher =
        SearchClient.page(Tokens.token("search-q-teacher", "TEACHER", CENTRE), "zebrafish");
    assertEquals(0, teacher.getInt("total"));
    // A psychologist reads neither COURT nor CORRESPONDENCE.
    assertEquals(
        0,
        SearchClient.page(Tokens.token("search-q-psy", "PSYCHOLOGIST", CENTRE), "zebrafish")
            .getInt("total"));
    // A social worker reads CORRESPONDENCE but not COURT: only the one document of that type.
    JsonObject social =
        SearchClient.page(Tokens.token("search-q-sw", "SOCIAL_WORKER", CENTRE), "zebrafish");
    assertEquals(Set.of(triple), SearchClient.documents(social));
    assertEquals(1, social.getInt("total"));
  }

  @Test
  void malformedQueriesAre400ProblemsThatDoNotRepeatTheQuery() throws Exception {
    for (String q :
        List.of(
            "zebrafish AND",
            "(zebrafish",
            "NOT zebrafish",
            "zebra*",
            "\"zebrafish report\"",
            "the and")) {
      JsonObject problem = Http.problem(SearchClient.search(LAWYER, q), 400);
      assertEquals("urn:zhusan:problem:invalid-query", problem.getString("type"), q);
      assertFalse(
          problem.getString("detail").toLowerCase(Locale.ROOT).contains("zebra"),
          problem::toString);
    }
    Http.problem(Http.postJson("/api/search", LAWYER, "{}"), 400);
    Http.problem(Http.postJson("/api/search", LAWYER, "{\"q\":\"   \"}"), 400);
  }

  @Test
  void eachSearchWritesExactlyOneAccessLogEntryWithoutTheQuery() throws Exception {
    String user = "search-q-audit-" + UUID.randomUUID();
    String token = Tokens.token(user, "LAWYER", CENTRE);
    assertEquals(
        Set.of(quokka), SearchClient.documents(SearchClient.page(token, "quokka AND zebrafish")));
    List<List<String>> entries = entries(user);
    assertEquals(1, entries.size(), entries::toString);
    List<String> e = entries.get(0);
    assertEquals("SEARCH", e.get(0));
    assertEquals("QUERY", e.get(1));
    assertEquals("ALLOWED", e.get(3));
    String queryId = e.get(2);
    UUID.fromString(queryId);
    assertNoWords(entries.toString(), "quokka", "zebrafish");

    // The auditor can read what was searched (and that read is logged too).
    String auditor = Tokens.token("search-q-auditor", "AUDITOR");
    JsonObject stored = Http.json(Http.get("/api/search/queries/" + queryId, auditor));
    assertEquals("quokka AND zebrafish", stored.getString("query"));
    assertEquals(user, stored.getString("userId"));
    Http.problem(Http.get("/api/search/queries/" + UUID.randomUUID(), auditor), 404);

    // A second search: one more entry. A malformed one: one (FAILED) entry. A search with no hits:
    // one entry.
    SearchClient.page(token, "narwhal");
    assertEquals(2, entries(user).size());
    Http.problem(SearchClient.search(token, "narwhal AND"), 400);
    List<List<String>> after = entries(user);
    assertEquals(3, after.size(), after::toString);
    assertEquals("FAILED", after.get(2).get(3));
    SearchClient.page(token, "axolotl AND quokka");
    assertEquals(4, entries(user).size());
    assertNoWords(entries(user).toString(), "quokka", "zebrafish", "narwhal", "axolotl");

    // Only auditors read stored queries; the refusal is recorded as any other.
    Http.problem(Http.get("/api/search/queries/" + queryId, token), 403);
    List<List<String>> refused = entries(user);
    assertEquals(5, refused.size());
    assertEquals(List.of("LOG_READ", "QUERY", queryId, "DENIED"), refused.get(4).subList(0, 4));

    // Denied searches are recorded too.
    String adminUser = "search-q-admin-" + UUID.randomUUID();
    Http.problem(SearchClient.search(Tokens.token(adminUser, "ADMIN"), "quokka"), 403);
    List<List<String>> denied = entries(adminUser);
    assertEquals(1, denied.size());
    assertEquals("DENIED", denied.get(0).get(3));
  }

  @Test
  void databaseDumpHoldsNoIndexedOrSearchedWord() throws Exception {
    // Make sure every word has been searched at least once (so the query log is covered too).
    for (String q :
        List.of("Кызылжарского", "судом", "ребёнка", "zebrafish", "quokka", "narwhal", "axolotl")) {
      SearchClient.page(LAWYER, q);
    }
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM search_token t JOIN document_version v ON v.id = t.version_id"
                    + " WHERE v.document_id = ?::uuid")) {
      ps.setString(1, russian);
      ResultSet rs = ps.executeQuery();
      rs.next();
      assertTrue(rs.getLong(1) >= 8, "the Russian document is indexed");
    }
    String dump = Dumps.pgDump();
    String lower = dump.toLowerCase(Locale.ROOT);
    for (String w : SECRET_WORDS) {
      String lw = w.toLowerCase(Locale.ROOT);
      assertFalse(lower.contains(lw), w + " in dump");
      assertFalse(dump.contains(Dumps.hex(w)), w + " as hex in dump");
      assertFalse(dump.contains(Dumps.hex(lw)), w + " (lower case) as hex in dump");
    }
  }

  /**
   * The access-log entries of {@code user}: action, target type, target id, outcome, rule, reason,
   * purpose, centre.
   */
  static List<List<String>> entries(String user) throws Exception {
    List<List<String>> out = new ArrayList<>();
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT action, target_type, target_id, outcome, rule, reason, purpose, centre,"
                    + " justification FROM access_log WHERE user_id = ? ORDER BY sequence")) {
      ps.setString(1, user);
      ResultSet rs = ps.executeQuery();
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  static void assertNoWords(String text, String... words) {
    for (String w : words) {
      assertFalse(text.toLowerCase(Locale.ROOT).contains(w), w + " in " + text);
    }
  }

  @Test
  void queryWordsNeverTravelInTheUrl() throws Exception {
    HttpResponse<String> r = Http.get("/api/search?q=zebrafish", LAWYER);
    assertTrue(r.statusCode() == 405 || r.statusCode() == 404, "status " + r.statusCode());
  }
}

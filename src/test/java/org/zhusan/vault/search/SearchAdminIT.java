package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/** Re-indexing (ADMIN), index state, and crypto-shredded subjects dropping out of search. */
class SearchAdminIT {
  static final String CENTRE = "TUR-01";
  static final String LAWYER = Tokens.token("search-admin-lawyer", "LAWYER", CENTRE);
  static final String ADMIN = Tokens.token("search-admin-admin", "ADMIN");

  @Test
  void staleVersionsAreReindexedAndFoundAgain() throws Exception {
    String subject =
        Subjects.create(LAWYER, CENTRE, "Reindex Owner", Subjects.randomIin()).getString("id");
    String doc =
        SearchClient.upload(
                LAWYER,
                subject,
                "COURT",
                "Reindexed",
                "r.txt",
                "The pangolin testimony was heard.\n".getBytes(StandardCharsets.UTF_8))
            .getString("id");
    assertEquals(Set.of(doc), SearchClient.documents(SearchClient.page(LAWYER, "pangolin")));
    long tokens = tokenRows(doc);
    assertTrue(tokens >= 3, "tokens " + tokens);

    // As if the version had been stored before search existed: no tokens, no state.
    try (Connection c = VaultServer.get().ownerConnection()) {
      for (String sql :
          new String[] {
            "DELETE FROM search_token WHERE version_id IN (SELECT id FROM document_version WHERE"
                + " document_id = ?::uuid)",
            "DELETE FROM search_index_state WHERE version_id IN (SELECT id FROM document_version"
                + " WHERE document_id = ?::uuid)"
          }) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setString(1, doc);
          ps.executeUpdate();
        }
      }
    }
    assertEquals(0, SearchClient.page(LAWYER, "pangolin").getInt("total"));
    JsonObject status = Http.json(Http.get("/api/search/status", LAWYER));
    assertTrue(
        status.getJsonObject("index").getJsonNumber("missing").longValue() >= 1, status::toString);
    JsonObject counts = Http.json(Http.get("/api/search/status", ADMIN)).getJsonObject("index");
    long toDo =
        counts.getJsonNumber("stale").longValue()
            + counts.getJsonNumber("notIndexed").longValue()
            + counts.getJsonNumber("failed").longValue()
            + counts.getJsonNumber("missing").longValue();

    Http.problem(Http.postJson("/api/admin/search/reindex", LAWYER, ""), 403);
    Http.problem(Http.postJson("/api/admin/search/reindex?scope=everything", ADMIN, ""), 400);
    HttpResponse<String> started =
        Http.postJson("/api/admin/search/reindex?scope=stale", ADMIN, "");
    assertEquals(202, started.statusCode(), started.body());
    assertEquals("STALE", Http.json(started).getString("scope"));
    assertEquals(
        toDo,
        Http.json(started).getJsonNumber("total").longValue(),
        "the run's total is what it has to go through: " + counts);
    JsonObject run = awaitDone();
    assertEquals(
        run.getJsonNumber("total").longValue(),
        run.getJsonNumber("processed").longValue(),
        run::toString);
    assertEquals("DONE", run.getString("state"), run::toString);
    assertTrue(run.getJsonNumber("indexed").longValue() >= 1, run::toString);
    assertEquals(0, run.getJsonNumber("failed").longValue(), run::toString);

    assertEquals(Set.of(doc), SearchClient.documents(SearchClient.page(LAWYER, "pangolin")));
    assertEquals(tokens, tokenRows(doc));
    JsonObject after = Http.json(Http.get("/api/search/status", LAWYER)).getJsonObject("index");
    assertEquals(0, after.getJsonNumber("missing").longValue(), after::toString);
  }

  @Test
  void shreddedSubjectsDropOutOfSearch() throws Exception {
    String subject =
        Subjects.create(LAWYER, CENTRE, "Shredded Searcher", Subjects.randomIin()).getString("id");
    String kept =
        Subjects.create(LAWYER, CENTRE, "Kept Searcher", Subjects.randomIin()).getString("id");
    String doomedDoc =
        SearchClient.upload(
                LAWYER,
                subject,
                "COURT",
                "Doomed",
                "d.txt",
                "The okapi statement.\n".getBytes(StandardCharsets.UTF_8))
            .getString("id");
    String keptDoc =
        SearchClient.upload(
                LAWYER,
                kept,
                "COURT",
                "Kept",
                "k.txt",
                "Another okapi statement.\n".getBytes(StandardCharsets.UTF_8))
            .getString("id");
    assertEquals(
        Set.of(doomedDoc, keptDoc), SearchClient.documents(SearchClient.page(LAWYER, "okapi")));

    HttpResponse<String> shred =
        Http.postJson(
            "/api/subjects/" + subject + "/shred",
            ADMIN,
            "{\"reason\":\"court order to erase the record\"}");
    assertEquals(204, shred.statusCode(), shred.body());

    JsonObject page = SearchClient.page(LAWYER, "okapi");
    assertEquals(Set.of(keptDoc), SearchClient.documents(page));
    assertEquals(1, page.getInt("total"));
    JsonObject index = Http.json(Http.get("/api/search/status", LAWYER)).getJsonObject("index");
    assertTrue(index.getJsonNumber("shredded").longValue() >= 1, index::toString);

    // Its tokens are ignored at once, and deleted by the next re-index run.
    assertTrue(tokenRows(doomedDoc) > 0);
    assertEquals(202, Http.postJson("/api/admin/search/reindex", ADMIN, "").statusCode());
    assertEquals("DONE", awaitDone().getString("state"));
    assertEquals(0, tokenRows(doomedDoc));
    assertTrue(tokenRows(keptDoc) > 0);
    assertEquals(Set.of(keptDoc), SearchClient.documents(SearchClient.page(LAWYER, "okapi")));
  }

  static JsonObject awaitDone() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r = Http.get("/api/admin/search/reindex", ADMIN);
      assertEquals(200, r.statusCode(), r.body());
      JsonObject run = Http.json(r);
      if (!"RUNNING".equals(run.getString("state"))) {
        return run;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("re-index did not finish in time");
  }

  static long tokenRows(String documentId) throws Exception {
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*) FROM search_token t JOIN document_version v ON v.id = t.version_id"
                    + " WHERE v.document_id = ?::uuid")) {
      ps.setString(1, documentId);
      ResultSet rs = ps.executeQuery();
      rs.next();
      return rs.getLong(1);
    }
  }
}

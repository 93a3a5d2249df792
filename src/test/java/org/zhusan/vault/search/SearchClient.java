package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Multipart;

/** Helpers for the search integration tests: uploads and searches over HTTP. */
final class SearchClient {
  private SearchClient() {}

  static Path corpus(String name) {
    return org.zhusan.vault.it.TestCorpus.document(name);
  }

  /**
   * Uploads a new document and waits until it is extracted and indexed (which happens after the
   * upload commits); returns the created document (201 asserted).
   */
  static JsonObject upload(
      String token, String subjectId, String type, String title, String fileName, byte[] content)
      throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .field("type", type)
            .field("title", title)
            .field("purpose", "LEGAL_PROCEEDING")
            .file(fileName, content)
            .post("/api/subjects/" + subjectId + "/documents", token);
    assertEquals(201, r.statusCode(), r.body());
    JsonObject created = Http.json(r);
    org.zhusan.vault.it.Extractions.awaitDone(created.getString("id"));
    return created;
  }

  static HttpResponse<String> search(String token, String q) throws Exception {
    return search(token, q, null, "");
  }

  static HttpResponse<String> search(String token, String q, String subject, String paging)
      throws Exception {
    JsonObjectBuilder body = Json.createObjectBuilder().add("q", q);
    if (subject != null) {
      body.add("subject", subject);
    }
    return Http.postJson("/api/search" + paging, token, body.build().toString());
  }

  /** A successful search's page (200 asserted). */
  static JsonObject page(String token, String q) throws Exception {
    HttpResponse<String> r = search(token, q);
    assertEquals(200, r.statusCode(), r.body());
    return Http.json(r);
  }

  /** The document ids of a page's hits, in rank order. */
  static Set<String> documents(JsonObject page) {
    Set<String> ids = new LinkedHashSet<>();
    page.getJsonArray("items").forEach(v -> ids.add(v.asJsonObject().getString("documentId")));
    return ids;
  }
}

package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;

/**
 * A word in an uploaded PDF, DOCX and scanned image (OCR) is found by a user entitled to the
 * documents and by nobody else; the others do not even learn that hits exist.
 */
class SearchAccessIT {
  static final String CENTRE = "AST-01";
  static final String LAWYER = Tokens.token("search-lawyer", "LAWYER", CENTRE);
  static String pdf;
  static String docx;
  static String scan;
  static String subject;

  @BeforeAll
  static void uploadCorpus() throws Exception {
    subject =
        Subjects.create(LAWYER, CENTRE, "Search Access Owner", Subjects.randomIin())
            .getString("id");
    pdf =
        SearchClient.upload(
                LAWYER,
                subject,
                "COURT",
                "Ruling as PDF",
                "testPDF.pdf",
                Files.readAllBytes(SearchClient.corpus("testPDF.pdf")))
            .getString("id");
    docx =
        SearchClient.upload(
                LAWYER,
                subject,
                "COURT",
                "Ruling as DOCX",
                "testWORD.docx",
                Files.readAllBytes(SearchClient.corpus("testWORD.docx")))
            .getString("id");
    scan =
        SearchClient.upload(
                LAWYER,
                subject,
                "COURT",
                "Scanned ruling",
                "testOCR.jpg",
                Files.readAllBytes(SearchClient.corpus("testOCR.jpg")))
            .getString("id");
  }

  static boolean ocrEnabled() throws Exception {
    return Http.json(Http.get("/api/search/status", LAWYER)).getBoolean("ocrEnabled");
  }

  @Test
  void entitledUserFindsTheWordInPdfAndDocx() throws Exception {
    JsonObject page = SearchClient.page(LAWYER, "tika");
    Set<String> found = SearchClient.documents(page);
    assertTrue(found.containsAll(List.of(pdf, docx)), page::toString);
    assertEquals(found.size(), page.getInt("total"));
    JsonObject first =
        page.getJsonArray("items").stream()
            .map(v -> v.asJsonObject())
            .filter(h -> h.getString("documentId").equals(docx))
            .findFirst()
            .orElseThrow();
    assertEquals("Ruling as DOCX", first.getString("title"));
    assertEquals("COURT", first.getString("type"));
    assertEquals(subject, first.getString("subjectId"));
    assertEquals(1, first.getInt("version"));
    assertTrue(first.getJsonNumber("score").longValue() >= 1);
    // Words only in one of them.
    assertEquals(Set.of(pdf), SearchClient.documents(SearchClient.page(LAWYER, "incubation")));
    assertEquals(Set.of(docx), SearchClient.documents(SearchClient.page(LAWYER, "subtitle")));
  }

  @Test
  void entitledUserFindsTheWordInAScannedImage() throws Exception {
    Assumptions.assumeTrue(ocrEnabled(), "tesseract is not installed: OCR is off");
    assertTrue(SearchClient.documents(SearchClient.page(LAWYER, "tika")).contains(scan));
    assertEquals(
        Set.of(scan), SearchClient.documents(SearchClient.page(LAWYER, "tika AND testing")));
  }

  @Test
  void subjectFilterNarrowsTheSearch() throws Exception {
    JsonObject page = Http.json(SearchClient.search(LAWYER, "tika", subject, ""));
    assertTrue(SearchClient.documents(page).containsAll(List.of(pdf, docx)));
    JsonObject other =
        Http.json(SearchClient.search(LAWYER, "tika", java.util.UUID.randomUUID().toString(), ""));
    assertEquals(0, other.getInt("total"));
    Http.problem(SearchClient.search(LAWYER, "tika", "not-a-uuid", ""), 400);
  }

  @Test
  void otherCentreSeesNothingNotEvenACount() throws Exception {
    String elsewhere = Tokens.token("search-lawyer-ala", "LAWYER", "ALA-01");
    JsonObject page = SearchClient.page(elsewhere, "tika");
    assertEquals(0, page.getInt("total"), page::toString);
    assertEquals(0, page.getJsonArray("items").size());
  }

  @Test
  void roleWithoutTheDocumentTypeSeesNothing() throws Exception {
    for (String role : List.of("TEACHER", "THEOLOGIAN", "NGO_PARTNER", "DOCTOR")) {
      JsonObject page =
          SearchClient.page(Tokens.token("search-" + role.toLowerCase(), role, CENTRE), "tika");
      assertEquals(0, page.getInt("total"), role + ": " + page);
      assertEquals(0, page.getJsonArray("items").size(), role);
    }
    // A social worker may read IDENTITY but not COURT: still nothing here.
    assertEquals(
        0,
        SearchClient.page(Tokens.token("search-sw", "SOCIAL_WORKER", CENTRE), "tika")
            .getInt("total"));
  }

  @Test
  void auditorsAndAdministratorsMayNotSearch() throws Exception {
    Http.problem(SearchClient.search(Tokens.token("search-auditor", "AUDITOR"), "tika"), 403);
    Http.problem(SearchClient.search(Tokens.token("search-admin", "ADMIN"), "tika"), 403);
    Http.problem(SearchClient.search(Tokens.token("search-admin-c", "ADMIN", CENTRE), "tika"), 403);
  }

  @Test
  void endpointsAreInTheOpenApiDocument() throws Exception {
    var r = Http.get("/openapi", null);
    assertEquals(200, r.statusCode(), r.body());
    for (String path :
        List.of(
            "/api/search",
            "/api/search/status",
            "/api/search/queries/{queryId}",
            "/api/admin/search/reindex")) {
      assertTrue(r.body().contains(path), path);
    }
  }

  @Test
  void statusSaysWhetherOcrIsOn() throws Exception {
    JsonObject status =
        Http.json(
            Http.get("/api/search/status", Tokens.token("search-teacher-st", "TEACHER", CENTRE)));
    boolean tesseract =
        java.util.Arrays.stream(
                System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
            .anyMatch(
                d -> !d.isBlank() && Files.isExecutable(java.nio.file.Path.of(d, "tesseract")));
    assertEquals(tesseract, status.getBoolean("ocrEnabled"), status::toString);
    assertEquals(tesseract, !status.getJsonArray("ocrLanguages").isEmpty());
    assertEquals("search.term.v1", status.getString("tokenPurpose"));
    assertTrue(
        status.getJsonObject("index").getJsonNumber("indexed").longValue() >= 2, status::toString);
  }
}

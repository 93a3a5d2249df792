package org.zhusan.vault.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.AuditLogs;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Multipart;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;

/**
 * No answer about a subject, a document, the log or a search may be kept by a cache — errors
 * included.
 */
class NoStoreIT {
  static final String CENTRE = "KOS-01";
  static String lawyer;
  static String subject;
  static String document;

  @BeforeAll
  static void aSubjectWithADocument() throws Exception {
    lawyer = Tokens.token("nostore-lawyer", "LAWYER", CENTRE);
    subject =
        Subjects.create(lawyer, CENTRE, "No Store Subject", Subjects.randomIin()).getString("id");
    byte[] pdf = Files.readAllBytes(org.zhusan.vault.it.TestCorpus.document("testPDF.pdf"));
    HttpResponse<String> r =
        new Multipart()
            .field("type", "COURT")
            .field("title", "Ruling")
            .field("purpose", "LEGAL_PROCEEDING")
            .file("ruling.pdf", pdf)
            .post("/api/subjects/" + subject + "/documents", lawyer);
    assertEquals(201, r.statusCode(), r.body());
    document = Http.json(r).getString("id");
  }

  @Test
  void answersAboutSubjectsDocumentsSearchAndTheLogAreNotStored() throws Exception {
    for (HttpResponse<String> r :
        List.of(
            Http.get("/api/subjects/" + subject, lawyer),
            Http.get("/api/subjects?centre=" + CENTRE, lawyer),
            Http.postJson("/api/subjects/lookup", lawyer, "{\"fullName\":\"No Store Subject\"}"),
            Http.get("/api/subjects/" + subject + "/documents", lawyer),
            Http.get("/api/documents/" + document, lawyer),
            Http.get("/api/grants", lawyer),
            Http.postJson("/api/search", lawyer, "{\"q\":\"ruling\"}"),
            Http.get("/api/audit/entries?limit=5", AuditLogs.auditor()),
            Http.get("/api/me", lawyer))) {
      assertEquals(2, r.statusCode() / 100, () -> r.uri() + ": " + r.body());
      assertNoStore(r, "no-store");
    }
  }

  @Test
  void problemAnswersAreNotStoredEither() throws Exception {
    String doctor = Tokens.token("nostore-doctor", "DOCTOR", CENTRE);
    assertNoStore(problem(Http.get("/api/subjects/" + UUID.randomUUID(), lawyer), 404), "no-store");
    assertNoStore(
        problem(
            Http.get(
                "/api/documents/" + document + "/versions/1/content?purpose=TREATMENT", doctor),
            403),
        "no-store");
    assertNoStore(
        problem(Http.postJson("/api/subjects/lookup", lawyer, "{\"iin\":\"12\"}"), 400),
        "no-store");
    assertNoStore(problem(Http.get("/api/subjects/" + subject, null), 401), "no-store");
    assertNoStore(problem(Http.get("/api/subjects/" + subject, "not.a.token"), 401), "no-store");
    assertNoStore(problem(Http.get("/api/no-such-thing", lawyer), 404), "no-store");
  }

  @Test
  void downloadsKeepTheirOwnPrivateNoStore() throws Exception {
    HttpResponse<String> r =
        Http.get(
            "/api/documents/" + document + "/versions/1/content?purpose=LEGAL_PROCEEDING", lawyer);
    assertEquals(200, r.statusCode());
    assertNoStore(r, "private, no-store");
  }

  private static HttpResponse<String> problem(HttpResponse<String> r, int status) {
    Http.problem(r, status);
    return r;
  }

  private static void assertNoStore(HttpResponse<String> r, String expected) {
    assertEquals(
        List.of(expected),
        r.headers().allValues("Cache-Control"),
        () -> r.uri() + " " + r.statusCode());
  }
}

package org.zhusan.vault.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.cli.VaultProcess;
import org.zhusan.vault.it.AuditLogs;
import org.zhusan.vault.it.Dumps;
import org.zhusan.vault.it.Extractions;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Multipart;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;
import org.zhusan.vault.records.certificate.CertificateVerifier;

/**
 * Records governance against a real vault and PostgreSQL, under the test schedule
 * (src/test/resources/retention-it.yaml): CORRESPONDENCE due the day it is stored, COURT one year
 * after the person's case closed, IDENTITY never within a test.
 */
class RecordsGovernanceIT {
  private static final String CENTRE = "TUR-01";
  private final String lawyer = Tokens.token("lawyer-records", "LAWYER", CENTRE);
  private final String secondLawyer = Tokens.token("lawyer-records-2", "LAWYER", CENTRE);
  private final String otherCentreLawyer = Tokens.token("lawyer-records-far", "LAWYER", "ATY-01");
  private final String admin = Tokens.token("admin-records", "ADMIN");
  private final String teacher = Tokens.token("teacher-records", "TEACHER", CENTRE);
  private final String adminAndLawyer =
      Tokens.token("admin-lawyer-records", List.of("ADMIN", "LAWYER"), List.of(CENTRE));

  @Test
  void aRecordIsQueuedOnlyOnceItsRetentionPeriodHasEnded() throws Exception {
    String closedLongAgo = subject("Records Long Closed");
    String closedRecently = subject("Records Recently Closed");
    String oldCourt = upload(closedLongAgo, "COURT", "Ruling", "A ruling of the court");
    String recentCourt = upload(closedRecently, "COURT", "Ruling", "Another ruling");

    scan(admin);
    assertFalse(queued(oldCourt), "no clock before the case closed");

    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    recordCaseClosed(closedLongAgo, today.minusYears(2));
    recordCaseClosed(closedRecently, today.minusMonths(1));
    Http.problem(
        Http.postJson(
            "/api/subjects/" + closedLongAgo + "/events",
            lawyer,
            "{\"kind\":\"CASE_CLOSED\",\"occurredOn\":\"" + today.plusDays(3) + "\"}"),
        400);
    Http.problem(
        Http.postJson(
            "/api/subjects/" + closedLongAgo + "/events",
            teacher,
            "{\"kind\":\"CASE_CLOSED\",\"occurredOn\":\"" + today + "\"}"),
        403);

    scan(admin);
    JsonObject item = item(oldCourt);
    assertEquals("ELIGIBLE", item.getString("state"));
    assertEquals(today.minusYears(2).toString(), item.getString("retentionStart"));
    assertEquals(today.minusYears(1).toString(), item.getString("dueOn"));
    assertEquals("CASE_CLOSED", item.getJsonObject("rule").getString("event"));
    assertEquals("P1Y", item.getJsonObject("rule").getString("period"));
    assertFalse(queued(recentCourt), "the period after a recent closure has not ended");

    JsonObject again = scan(admin);
    assertTrue(again.getInt("alreadyQueued") >= 1, again.toString());
    assertEquals(1, countItems(oldCourt), "a second scan does not queue the record twice");
    Http.problem(Http.postJson("/api/records/disposition/scan", lawyer, "{}"), 403);
    Http.problem(Http.get("/api/records/disposition", teacher), 403);
  }

  @Test
  void aLegalHoldBlocksDispositionAndShreddingUntilItIsReleased() throws Exception {
    String person = subject("Records Held Person");
    String letter = upload(person, "CORRESPONDENCE", "Letter", "A letter to the embassy");

    Http.problem(placeHold(teacher, person, null), 403);
    Http.problem(placeHold(otherCentreLawyer, person, null), 404);
    Http.problem(
        Http.postJson(
            "/api/subjects/" + person + "/holds",
            lawyer,
            "{\"reason\":\"short\",\"caseReference\":\"2-77/2026\"}"),
        400);
    HttpResponse<String> placed = placeHold(lawyer, person, letter);
    assertEquals(201, placed.statusCode(), placed.body());
    JsonObject hold = Http.json(placed);
    String holdId = hold.getString("id");
    assertTrue(hold.getBoolean("active"));
    assertEquals(letter, hold.getString("documentId"));

    JsonObject scanned = scan(admin);
    assertTrue(scanned.getInt("onHold") >= 1, scanned.toString());
    assertFalse(queued(letter), "a record on hold is not queued");

    JsonObject refused =
        Http.problem(
            Http.postJson(
                "/api/subjects/" + person + "/shred",
                admin,
                "{\"reason\":\"erase on the person's request\"}"),
            409);
    assertEquals("urn:zhusan:problem:legal-hold", refused.getString("type"));
    assertTrue(refused.getString("detail").contains(holdId), refused.toString());

    JsonObject asAdmin =
        Http.json(Http.get("/api/subjects/" + person + "/holds", admin))
            .getJsonArray("items")
            .getJsonObject(0);
    assertTrue(absent(asAdmin, "reason"), "administrators do not see why: " + asAdmin);
    assertEquals(
        "Appeal pending in the regional court",
        Http.json(Http.get("/api/subjects/" + person + "/holds", lawyer))
            .getJsonArray("items")
            .getJsonObject(0)
            .getString("reason"));
    String dump = Dumps.pgDump();
    assertFalse(dump.contains(Dumps.hex("Appeal pending in the regional court")));
    assertFalse(dump.contains("Appeal pending in the regional court"));

    Http.problem(release(teacher, holdId), 403);
    HttpResponse<String> released = release(lawyer, holdId);
    assertEquals(200, released.statusCode(), released.body());
    assertFalse(Http.json(released).getBoolean("active"));
    Http.problem(release(lawyer, holdId), 409);

    scan(admin);
    String item = item(letter).getString("id");
    propose(admin, item);
    String wholePersonHold = Http.json(placeHold(lawyer, person, null)).getString("id");
    JsonObject blocked = Http.problem(approve(secondLawyer, item), 409);
    assertEquals("urn:zhusan:problem:legal-hold", blocked.getString("type"));
    assertEquals(
        "PROPOSED", item(letter).getString("state"), "nothing changed while the hold stood");
    assertEquals(200, release(lawyer, wholePersonHold).statusCode());
    assertEquals(200, approve(secondLawyer, item).statusCode());

    List<String> history = AuditLogs.history(holdId);
    assertTrue(history.contains("HOLD_RELEASE/DENIED"), history.toString());
    assertTrue(history.contains("HOLD_RELEASE/ALLOWED"), history.toString());
    List<String> shreds = AuditLogs.history(person);
    assertTrue(shreds.contains("SUBJECT_SHRED/DENIED"), shreds.toString());
  }

  @Test
  void destructionTakesTwoPeopleAndCannotBeUndoneEvenFromAnEarlierBackup() throws Exception {
    String person = subject("Records Destroyed Letter");
    String doomed = upload(person, "CORRESPONDENCE", "Letter to destroy", "Zhusanwormwood letter");
    String kept = upload(person, "CORRESPONDENCE", "Letter to keep", "Steppewind letter kept");
    Extractions.awaitDone(doomed);
    Extractions.awaitDone(kept);
    HttpResponse<String> grant =
        Http.postJson(
            "/api/documents/" + doomed + "/grants",
            lawyer,
            "{\"grantee\":\"social-records\",\"purpose\":\"SOCIAL_SUPPORT\",\"duration\":\"P1D\"}");
    assertEquals(201, grant.statusCode(), grant.body());

    Path backup = VaultServer.repoRoot().resolve("target/records-before-destruction.dump");
    Dumps.pgDumpTo(backup);

    scan(admin);
    String item = item(doomed).getString("id");
    Http.problem(approve(secondLawyer, item), 409); // not proposed yet
    Http.problem(propose(lawyer, item), 403); // lawyers approve; they do not propose
    assertEquals(200, propose(adminAndLawyer, item).statusCode());
    JsonObject sameperson = Http.problem(approve(adminAndLawyer, item), 403);
    assertEquals("urn:zhusan:problem:separation-of-duties", sameperson.getString("type"));
    Http.problem(approve(otherCentreLawyer, item), 404);
    HttpResponse<String> approved = approve(secondLawyer, item);
    assertEquals(200, approved.statusCode(), approved.body());
    JsonObject done = Http.json(approved);
    assertEquals("DESTROYED", done.getString("state"));
    assertEquals("admin-lawyer-records", done.getString("proposedBy"));
    assertEquals("lawyer-records-2", done.getString("approvedBy"));
    String certificateId = done.getString("certificateId");

    // 410 for everyone, owner or not.
    for (String who : List.of(lawyer, admin, teacher)) {
      JsonObject gone = Http.problem(Http.get("/api/documents/" + doomed, who), 410);
      assertEquals("urn:zhusan:problem:destroyed", gone.getString("type"));
    }
    Http.problem(
        Http.get(
            "/api/documents/" + doomed + "/versions/1/content?purpose=LEGAL_PROCEEDING", lawyer),
        410);
    JsonObject listed = documentInList(person, doomed);
    assertTrue(absent(listed, "title"), listed.toString());
    assertEquals(certificateId, listed.getString("certificateId"));
    assertEquals("Letter to keep", documentInList(person, kept).getString("title"));
    assertEquals("Steppewind letter kept", download(VaultServer.get().baseUrl(), kept));

    // The key share is gone from disk; search tokens and grants went with the document.
    Path shares = VaultServer.repoRoot().resolve("target/document-keys");
    assertFalse(Files.exists(shares.resolve(doomed.substring(0, 2)).resolve(doomed)));
    assertTrue(Files.exists(shares.resolve(kept.substring(0, 2)).resolve(kept)));
    try (Connection c = VaultServer.get().ownerConnection()) {
      assertEquals(
          0, count(c, "SELECT count(*) FROM document_grant WHERE document_id = ?", doomed));
      assertEquals(
          0,
          count(
              c,
              "SELECT count(*) FROM search_token t JOIN document_version v ON v.id = t.version_id"
                  + " WHERE v.document_id = ?",
              doomed));
      assertTrue(
          count(
                  c,
                  "SELECT count(*) FROM search_token t JOIN document_version v ON v.id ="
                      + " t.version_id WHERE v.document_id = ?",
                  kept)
              > 0);
    }

    // The certificate verifies offline with the published key, and fails on one changed byte.
    HttpResponse<byte[]> json =
        Http.client()
            .send(
                Http.request("/api/records/certificates/" + certificateId, admin).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, json.statusCode());
    var publicKey =
        new org.bouncycastle.crypto.params.Ed25519PublicKeyParameters(
            AuditLogs.publicKey().publicKey(), 0);
    assertTrue(CertificateVerifier.verify(json.body(), publicKey).valid());
    String text = new String(json.body(), StandardCharsets.UTF_8);
    assertTrue(text.contains(doomed) && text.contains("lawyer-records-2"), text);
    byte[] altered = json.body().clone();
    int at = text.indexOf(doomed) + 3;
    altered[at] = (byte) (altered[at] == 'a' ? 'b' : 'a');
    assertFalse(CertificateVerifier.verify(altered, publicKey).valid());
    HttpResponse<byte[]> pdf =
        Http.client()
            .send(
                Http.request("/api/records/certificates/" + certificateId + "/pdf", lawyer)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, pdf.statusCode());
    assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
    Http.problem(Http.get("/api/records/certificates/" + certificateId, teacher), 403);

    // The log verifies after the destruction and holds every decision.
    assertTrue(AuditLogs.verify(AuditLogs.export(), null).ok());
    List<String> decisions = AuditLogs.history(item);
    assertTrue(decisions.contains("DISPOSITION_PROPOSE/DENIED"), decisions.toString());
    assertTrue(decisions.contains("DISPOSITION_PROPOSE/ALLOWED"), decisions.toString());
    assertTrue(decisions.contains("DISPOSITION_APPROVE/DENIED"), decisions.toString());
    assertTrue(decisions.contains("DISPOSITION_APPROVE/ALLOWED"), decisions.toString());
    assertTrue(
        AuditLogs.history(doomed).contains("DOCUMENT_DESTROY/ALLOWED"),
        AuditLogs.history(doomed).toString());

    // A backup taken before the destruction, restored with the live keystore and key directory:
    // the destroyed document cannot be opened, its sibling can.
    String restored = restore(backup);
    try (VaultProcess before =
        VaultServer.get()
            .anotherInstance(
                Map.of(
                    "VAULT_DB_URL",
                    VaultServer.get().jdbcUrl().replace(VaultServer.DATABASE, restored)),
                "it-records-before")) {
      String base = before.baseUrl();
      HttpResponse<String> old = contentOf(base, doomed);
      assertEquals(410, old.statusCode(), old.body());
      assertFalse(old.body().contains("Zhusanwormwood"));
      assertEquals("Steppewind letter kept", download(base, kept));
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private String subject(String name) throws Exception {
    return Subjects.create(lawyer, CENTRE, name, null).getString("id");
  }

  private String upload(String subject, String type, String title, String text) throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .field("type", type)
            .field("title", title)
            .field("purpose", "LEGAL_PROCEEDING")
            .file("d.txt", text.getBytes(StandardCharsets.UTF_8))
            .post("/api/subjects/" + subject + "/documents", lawyer);
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r).getString("id");
  }

  private String download(String base, String document) throws Exception {
    HttpResponse<String> r = contentOf(base, document);
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  /** Version 1 of a document as the lawyer asks for it from the vault at {@code base}. */
  private HttpResponse<String> contentOf(String base, String document) throws Exception {
    return Http.send(
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(
                    base
                        + "/api/documents/"
                        + document
                        + "/versions/1/content?purpose=LEGAL_PROCEEDING"))
            .header("Authorization", "Bearer " + lawyer)
            .GET()
            .build());
  }

  private void recordCaseClosed(String subject, LocalDate on) throws Exception {
    HttpResponse<String> r =
        Http.postJson(
            "/api/subjects/" + subject + "/events",
            lawyer,
            "{\"kind\":\"CASE_CLOSED\",\"occurredOn\":\"" + on + "\"}");
    assertEquals(201, r.statusCode(), r.body());
  }

  private HttpResponse<String> placeHold(String token, String subject, String document)
      throws Exception {
    return Http.postJson(
        "/api/subjects/" + subject + "/holds",
        token,
        "{\"reason\":\"Appeal pending in the regional court\",\"caseReference\":\"2-77/2026\""
            + (document == null ? "" : ",\"documentId\":\"" + document + "\"")
            + "}");
  }

  private HttpResponse<String> release(String token, String hold) throws Exception {
    return Http.postJson(
        "/api/holds/" + hold + "/release", token, "{\"reason\":\"The appeal was decided\"}");
  }

  private JsonObject scan(String token) throws Exception {
    HttpResponse<String> r = Http.postJson("/api/records/disposition/scan", token, "{}");
    assertEquals(200, r.statusCode(), r.body());
    return Http.json(r);
  }

  private HttpResponse<String> propose(String token, String item) throws Exception {
    return Http.postJson(
        "/api/records/disposition/" + item + "/propose",
        token,
        "{\"reason\":\"Retention ended; nothing pending\"}");
  }

  private HttpResponse<String> approve(String token, String item) throws Exception {
    return Http.postJson("/api/records/disposition/" + item + "/approve", token, "{}");
  }

  private List<JsonObject> items(String document) throws Exception {
    List<JsonObject> out = new ArrayList<>();
    JsonObject page =
        Http.json(Http.get("/api/records/disposition?state=ALL&limit=500", AuditLogs.auditor()));
    for (JsonObject i : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
      if (i.getString("documentId").equals(document)) {
        out.add(i);
      }
    }
    return out;
  }

  private boolean queued(String document) throws Exception {
    return !items(document).isEmpty();
  }

  private int countItems(String document) throws Exception {
    return items(document).size();
  }

  private JsonObject item(String document) throws Exception {
    List<JsonObject> found = items(document);
    assertEquals(1, found.size(), "one queue item for " + document + ": " + found);
    return found.get(0);
  }

  private JsonObject documentInList(String subject, String document) throws Exception {
    JsonObject page =
        Http.json(Http.get("/api/subjects/" + subject + "/documents?limit=100", lawyer));
    for (JsonObject d : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
      if (d.getString("id").equals(document)) {
        return d;
      }
    }
    throw new AssertionError(document + " not listed: " + page);
  }

  private static boolean absent(JsonObject o, String name) {
    return !o.containsKey(name) || o.isNull(name);
  }

  private static long count(Connection c, String sql, String id) throws Exception {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, java.util.UUID.fromString(id));
      ResultSet rs = ps.executeQuery();
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Restores the dump into a fresh database; returns its name. */
  private static String restore(Path dump) throws Exception {
    String name = VaultServer.DATABASE + "_before";
    try (Connection c = VaultServer.get().adminConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name + " OWNER " + VaultServer.OWNER);
    }
    Process p =
        new ProcessBuilder(
                "pg_restore",
                "-h",
                System.getProperty("it.db.host", "127.0.0.1"),
                "-p",
                System.getProperty("it.db.port", "5432"),
                "-U",
                VaultServer.OWNER,
                "-d",
                name,
                dump.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertNotNull(name);
    return name;
  }
}

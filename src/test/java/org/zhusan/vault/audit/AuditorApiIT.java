package org.zhusan.vault.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.audit.tree.ProofVerifier;
import org.zhusan.vault.audit.verify.OfflineLogVerifier;
import org.zhusan.vault.audit.verify.VerificationReport;
import org.zhusan.vault.it.AuditLogs;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Multipart;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;

/** The auditor's queries, summaries, proofs and exports. */
class AuditorApiIT {
  private final String psychologist = Tokens.token("psy-audit", "PSYCHOLOGIST", "ATY-01");

  @Test
  void auditorFindsWhoTouchedASubjectAndOthersMayNotLook() throws Exception {
    String id =
        Subjects.create(psychologist, "ATY-01", "Audit Trail Subject", null).getString("id");
    Http.get("/api/subjects/" + id, psychologist);
    Http.get("/api/subjects/" + id, Tokens.token("intruder", "LAWYER", "ALA-01"));

    HttpResponse<String> r = Http.get("/api/audit/entries?subject=" + id, AuditLogs.auditor());
    assertEquals(200, r.statusCode(), r.body());
    JsonObject page = Http.json(r);
    assertEquals(3, page.getInt("total"), r.body());
    List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class);
    assertEquals("SUBJECT_CREATE", items.get(0).getString("action"));
    assertEquals("DENIED", items.get(2).getString("outcome"));
    assertEquals("intruder", items.get(2).getString("userId"));
    assertTrue(
        items.get(0).getJsonNumber("sequence").longValue()
            < items.get(1).getJsonNumber("sequence").longValue());

    JsonObject summary =
        Http.json(Http.get("/api/audit/summary/subjects/" + id, AuditLogs.auditor()));
    assertEquals(3, summary.getInt("entries"));
    assertTrue(
        summary.getJsonObject("byCounterpart").containsKey("intruder (LAWYER)"),
        summary.toString());

    JsonObject denied =
        Http.json(Http.get("/api/audit/entries?user=intruder&outcome=DENIED", AuditLogs.auditor()));
    assertTrue(denied.getInt("total") >= 1);

    Http.problem(Http.get("/api/audit/entries", psychologist), 403);
    Http.problem(Http.get("/api/audit/entries", Tokens.token("adm", "ADMIN")), 403);
    Http.problem(Http.get("/api/audit/entries?outcome=MAYBE", AuditLogs.auditor()), 400);
    Http.problem(Http.get("/api/audit/entries?from=yesterday", AuditLogs.auditor()), 400);
  }

  @Test
  void aSubjectsFileIncludesTheReadsOfTheirDocumentsAndNoOneElses() throws Exception {
    String id = Subjects.create(psychologist, "ATY-01", "File Subject", null).getString("id");
    String other = Subjects.create(psychologist, "ATY-01", "Other Subject", null).getString("id");
    String doc = uploadText(id);
    String otherDoc = uploadText(other);
    assertEquals(
        200,
        Http.get("/api/documents/" + doc + "/versions/1/content?purpose=ASSESSMENT", psychologist)
            .statusCode());
    Http.get(
        "/api/documents/" + doc + "/versions/1/content?purpose=ASSESSMENT",
        Tokens.token("intruder", "LAWYER", "ALA-01"));
    Http.get("/api/documents/" + otherDoc + "/versions/1/content?purpose=ASSESSMENT", psychologist);

    JsonObject file =
        Http.json(Http.get("/api/audit/entries?subject=" + id + "&limit=100", AuditLogs.auditor()));
    List<JsonObject> items = file.getJsonArray("items").getValuesAs(JsonObject.class);
    List<String> actions = items.stream().map(e -> e.getString("action")).toList();
    assertEquals(file.getInt("total"), items.size(), file.toString());
    assertTrue(actions.contains("SUBJECT_CREATE"), actions.toString());
    assertTrue(actions.contains("DOCUMENT_CREATE"), actions.toString());
    assertEquals(
        List.of("ALLOWED", "DENIED"),
        items.stream()
            .filter(e -> e.getString("action").equals("DOCUMENT_READ"))
            .map(e -> e.getString("outcome"))
            .toList(),
        actions.toString());
    for (JsonObject e : items) {
      String target = e.getString("targetId");
      assertTrue(!target.startsWith(otherDoc) && !target.equals(other), e.toString());
    }

    JsonObject summary =
        Http.json(Http.get("/api/audit/summary/subjects/" + id, AuditLogs.auditor()));
    assertEquals(file.getInt("total"), summary.getInt("entries"));
    JsonObject byDocument =
        Http.json(Http.get("/api/audit/entries?document=" + doc, AuditLogs.auditor()));
    assertEquals(
        items.stream().filter(e -> !e.getString("targetId").equals(id)).count(),
        byDocument.getInt("total"),
        byDocument.toString());

    Http.problem(Http.get("/api/audit/entries?subject=not-an-id", AuditLogs.auditor()), 400);
    Http.problem(
        Http.get("/api/audit/entries?subject=" + id + "&document=" + doc, AuditLogs.auditor()),
        400);
    Http.problem(Http.get("/api/audit/entries?targetType=PLANET", AuditLogs.auditor()), 400);
  }

  private String uploadText(String subject) throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .field("type", "PSYCH_EVALUATION")
            .field("title", "t")
            .field("purpose", "ASSESSMENT")
            .file("e.txt", "An evaluation".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .post("/api/subjects/" + subject + "/documents", psychologist);
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r).getString("id");
  }

  @Test
  void unfilteredPagesAreSequenceRangesAndTheTotalIsTheLogSize() throws Exception {
    Subjects.create(psychologist, "ATY-01", "Paging Subject", null);
    JsonObject first = Http.json(Http.get("/api/audit/entries?limit=5", AuditLogs.auditor()));
    long total = first.getJsonNumber("total").longValue();
    assertTrue(total >= 5, first.toString());
    long offset = total / 2;
    JsonObject middle =
        Http.json(Http.get("/api/audit/entries?limit=5&offset=" + offset, AuditLogs.auditor()));
    List<JsonObject> items = middle.getJsonArray("items").getValuesAs(JsonObject.class);
    assertEquals(5, items.size(), middle.toString());
    for (int i = 0; i < items.size(); i++) {
      assertEquals(
          offset + i,
          items.get(i).getJsonNumber("sequence").longValue(),
          "the entry at offset k is entry k");
    }
    // The total is the number of entries: the same as counting them (a filter matching every
    // entry).
    JsonObject counted =
        Http.json(Http.get("/api/audit/entries?limit=1&outcome=ALLOWED", AuditLogs.auditor()));
    long allowed = counted.getJsonNumber("total").longValue();
    long others =
        Http.json(Http.get("/api/audit/entries?limit=1&outcome=DENIED", AuditLogs.auditor()))
                .getJsonNumber("total")
                .longValue()
            + Http.json(Http.get("/api/audit/entries?limit=1&outcome=FAILED", AuditLogs.auditor()))
                .getJsonNumber("total")
                .longValue();
    long now =
        Http.json(Http.get("/api/audit/entries?limit=1", AuditLogs.auditor()))
            .getJsonNumber("total")
            .longValue();
    assertTrue(
        allowed + others <= now && now <= allowed + others + 4,
        "total " + now + " vs counted " + (allowed + others));
  }

  @Test
  void inclusionAndConsistencyProofsVerifyAgainstSignedCheckpoints() throws Exception {
    // At least one entry before the first checkpoint (on a fresh vault, when this test runs first,
    // the log
    // would be empty and there would be no entry size1 - 1 to prove).
    Subjects.create(psychologist, "ATY-01", "Proof Subject Before", null);
    JsonObject first = Http.json(Http.postJson("/api/audit/checkpoints", AuditLogs.auditor(), ""));
    Subjects.create(psychologist, "ATY-01", "Proof Subject", null);
    JsonObject second =
        Http.json(Http.postJson("/api/audit/checkpoints", Tokens.token("adm", "ADMIN"), ""));
    long size1 = first.getJsonNumber("treeSize").longValue();
    long size2 = second.getJsonNumber("treeSize").longValue();
    assertTrue(size2 > size1);

    HttpResponse<String> incResponse =
        Http.get(
            "/api/audit/proofs/inclusion?sequence=" + (size1 - 1) + "&treeSize=" + size2,
            AuditLogs.auditor());
    assertEquals(
        200, incResponse.statusCode(), "sizes " + size1 + ", " + size2 + ": " + incResponse.body());
    JsonObject inc = Http.json(incResponse);
    ProofVerifier.rfc9162()
        .verifyInclusion(
            size1 - 1,
            size2,
            b64(inc.getString("leafHash")),
            list(inc, "proof"),
            b64(second.getString("rootHash")));

    JsonObject cons =
        Http.json(
            Http.get(
                "/api/audit/proofs/consistency?first=" + size1 + "&second=" + size2,
                AuditLogs.auditor()));
    ProofVerifier.rfc9162()
        .verifyConsistency(
            size1,
            size2,
            b64(first.getString("rootHash")),
            b64(second.getString("rootHash")),
            list(cons, "proof"));
    Http.problem(
        Http.get(
            "/api/audit/proofs/inclusion?sequence=" + size2 + "&treeSize=" + size2,
            AuditLogs.auditor()),
        400);
  }

  @Test
  void fullExportVerifiesOfflineAndFilteredExportsCarryProofs() throws Exception {
    Subjects.create(psychologist, "ATY-01", "Export Subject", null);
    assertTrue(AuditLogs.verify(AuditLogs.export(), null).ok());

    HttpResponse<String> csv =
        Http.get("/api/audit/export?format=csv&user=psy-audit", AuditLogs.auditor());
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String[] lines = csv.body().split("\n");
    assertTrue(lines[0].startsWith("sequence,occurred_at,user_id"));
    assertTrue(lines.length >= 3);

    HttpResponse<String> jsonl = Http.get("/api/audit/export?user=psy-audit", AuditLogs.auditor());
    String[] jl = jsonl.body().split("\n");
    assertTrue(jl[0].contains("\"checkpoint\""), jl[0]);
    assertTrue(jl[1].contains("inclusionProof"), jl[1]);
    Http.problem(Http.get("/api/audit/export?format=xml", AuditLogs.auditor()), 400);
  }

  @Test
  void binaryExportVerifiesOfflineLikeTheJsonExport() throws Exception {
    Subjects.create(psychologist, "ATY-01", "Binary Export Subject", null);
    byte[] bin = AuditLogs.exportBinary();
    assertTrue(
        new String(bin, 0, 8, java.nio.charset.StandardCharsets.US_ASCII).equals("ZVLOGBIN"));
    VerificationReport report =
        new OfflineLogVerifier(AuditLogs.publicKey())
            .verifyBinary(new java.io.ByteArrayInputStream(bin));
    assertTrue(report.ok(), report.summary());
    assertTrue(report.entriesChecked() > 0);
    assertEquals(report.entriesChecked(), report.signedSize());

    // The JSON export made just after covers at least as much and says the same about it.
    VerificationReport json = AuditLogs.verify(AuditLogs.export(), null);
    assertTrue(json.ok(), json.summary());
    assertTrue(json.entriesChecked() >= report.entriesChecked());

    Http.problem(Http.get("/api/audit/export?format=bin&user=psy-audit", AuditLogs.auditor()), 400);
    Http.problem(
        Http.get("/api/audit/export?format=bin", Tokens.token("psy-bin", "PSYCHOLOGIST", "ATY-01")),
        403);
  }

  private static byte[] b64(String s) {
    return Base64.getDecoder().decode(s);
  }

  private static List<byte[]> list(JsonObject o, String key) {
    return o.getJsonArray(key).getValuesAs(JsonString.class).stream()
        .map(s -> b64(s.getString()))
        .toList();
  }
}

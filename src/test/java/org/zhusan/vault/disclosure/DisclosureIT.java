package org.zhusan.vault.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.disclosure.bundle.Manifest;
import org.zhusan.vault.it.AuditLogs;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Multipart;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.TestCorpus;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * Consent and disclosure against a real vault: no basis, no disclosure; a consent in force allows
 * it until it is revoked or expires; a court bundle of a PDF, a DOCX and a JPEG is paginated,
 * indexed and stamped, its manifest verifies offline and fails on a changed byte; the accounting
 * lists exactly what was disclosed; a role that may not read a type cannot disclose it.
 */
class DisclosureIT {
  private static final String CENTRE = "TUR-01";
  private final String lawyer = Tokens.token("lawyer-disclose", "LAWYER", CENTRE);
  private final String teacher = Tokens.token("teacher-disclose", "TEACHER", CENTRE);

  @Test
  void noDisclosureWithoutABasisAndAConsentAllowsItOnlyWhileInForce() throws Exception {
    String person = Subjects.create(lawyer, CENTRE, "Disclosure Person", null).getString("id");
    String passport = upload(person, "IDENTITY", "Passport", "testJPEG_EXIF.jpg");
    String consentDoc = upload(person, "CONSENT", "Signed consent", "testPDF.pdf");

    assertEquals(
        List.of("CHILD_PROTECTION_REFERRAL", "PROSECUTOR_REQUEST"),
        Http.json(Http.get("/api/disclosure/statutory-grounds", teacher))
            .getJsonArray("items")
            .getValuesAs(jakarta.json.JsonString.class)
            .stream()
            .map(jakarta.json.JsonString::getString)
            .toList());
    JsonObject unknownGround =
        problem(
            disclose(
                person,
                guardianTo(passport),
                Json.createObjectBuilder().add("kind", "STATUTE").add("statute", "WHIM").build()),
            409);
    assertTrue(
        unknownGround.getString("detail").contains("PROSECUTOR_REQUEST"), unknownGround.toString());
    JsonObject refused = problem(disclose(person, guardianTo(passport), null), 409);
    assertEquals("urn:zhusan:problem:no-basis", refused.getString("type"));
    assertTrue(refused.getString("detail").contains("basis"), refused.toString());

    HttpResponse<String> recorded =
        Http.postJson(
            "/api/subjects/" + person + "/consents",
            lawyer,
            Json.createObjectBuilder()
                .add("givenBy", "GUARDIAN")
                .add("guardianName", "Aigerim Sadykova")
                .add("documentTypes", Json.createArrayBuilder().add("IDENTITY"))
                .add("recipientKind", "GUARDIAN")
                .add("purpose", "Enrolment of the child at school")
                .add("validUntil", LocalDate.now(ZoneOffset.UTC).plusYears(1).toString())
                .add("consentDocumentId", consentDoc)
                .build()
                .toString());
    assertEquals(201, recorded.statusCode(), recorded.body());
    String consent = Http.json(recorded).getString("id");
    JsonObject basis =
        Json.createObjectBuilder().add("kind", "CONSENT").add("consentId", consent).build();

    HttpResponse<byte[]> zip = disclose(person, guardianTo(passport), basis);
    assertEquals(201, zip.statusCode(), new String(zip.body(), StandardCharsets.UTF_8));
    assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
    List<String> entries = new ArrayList<>();
    byte[] manifest = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.add(e.getName());
        if (e.getName().equals("manifest.json")) {
          manifest = in.readAllBytes();
        }
      }
    }
    assertEquals(2, entries.size(), entries.toString());
    assertTrue(Manifest.verify(manifest, publicKey()).valid());

    // Not for a school: the consent names a guardian.
    JsonObject school =
        problem(disclose(person, recipient("SCHOOL", "School No. 12", passport, null), basis), 409);
    assertTrue(school.getString("detail").contains("GUARDIAN"), school.toString());

    HttpResponse<String> revoked =
        Http.postJson(
            "/api/consents/" + consent + "/revoke",
            lawyer,
            "{\"reason\":\"The guardian withdrew her consent\"}");
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertFalse(Http.json(revoked).getBoolean("inForce"));
    JsonObject afterRevocation = problem(disclose(person, guardianTo(passport), basis), 409);
    assertTrue(afterRevocation.getString("detail").contains("revoked"), afterRevocation.toString());

    // A second consent whose date has passed (moved back in the database, as time would).
    String expiring =
        Http.json(
                Http.postJson(
                    "/api/subjects/" + person + "/consents",
                    lawyer,
                    Json.createObjectBuilder()
                        .add("givenBy", "SUBJECT")
                        .add("documentTypes", Json.createArrayBuilder().add("IDENTITY"))
                        .add("recipientKind", "GUARDIAN")
                        .add("purpose", "Enrolment of the child at school")
                        .add("validUntil", LocalDate.now(ZoneOffset.UTC).toString())
                        .add("consentDocumentId", consentDoc)
                        .build()
                        .toString()))
            .getString("id");
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement("UPDATE consent SET valid_until = current_date - 1 WHERE id = ?")) {
      ps.setObject(1, java.util.UUID.fromString(expiring));
      assertEquals(1, ps.executeUpdate());
    }
    JsonObject expired =
        problem(
            disclose(
                person,
                guardianTo(passport),
                Json.createObjectBuilder()
                    .add("kind", "CONSENT")
                    .add("consentId", expiring)
                    .build()),
            409);
    assertTrue(expired.getString("detail").contains("expired"), expired.toString());

    List<JsonObject> made = accounting(person);
    assertEquals(1, made.size(), made.toString());
    assertEquals("GUARDIAN", made.get(0).getString("recipientKind"));
    assertEquals(
        passport, made.get(0).getJsonArray("items").getJsonObject(0).getString("documentId"));
    assertEquals(
        hex(sha256(zip.body())), made.get(0).getString("packageSha256"), "the hash of what left");
    List<String> log = AuditLogs.history(person);
    assertTrue(log.contains("CONSENT_RECORD/ALLOWED"), log.toString());
    assertTrue(log.contains("DISCLOSURE_CREATE/DENIED"), log.toString());
    assertTrue(AuditLogs.history(consent).contains("CONSENT_REVOKE/ALLOWED"));
    assertTrue(
        AuditLogs.history(made.get(0).getString("id")).contains("DISCLOSURE_CREATE/ALLOWED"),
        "one entry per disclosure");
  }

  @Test
  void aCourtBundleIsPaginatedIndexedStampedAndSigned() throws Exception {
    String person = Subjects.create(lawyer, CENTRE, "Bundle Person", null).getString("id");
    String pdf = upload(person, "COURT", "Ruling of the district court", "testPDF.pdf");
    String docx = upload(person, "COURT", "Appeal", "testWORD.docx");
    String jpeg = upload(person, "IDENTITY", "Passport page", "testJPEG_EXIF.jpg");
    int pdfPages;
    try (PDDocument d = Loader.loadPDF(Files.readAllBytes(TestCorpus.document("testPDF.pdf")))) {
      pdfPages = d.getNumberOfPages();
    }
    JsonObject order =
        Json.createObjectBuilder()
            .add("kind", "COURT_ORDER")
            .add("courtOrderReference", "2-77/2026")
            .build();

    // A teacher may not read court papers, so may not disclose them.
    problem(
        discloseAs(
            teacher, person, recipient("COURT", "District court No. 2", pdf, "2-77/2026"), order),
        403);

    HttpResponse<byte[]> bundle =
        disclose(
            person,
            recipient("COURT", "District court No. 2", List.of(pdf, docx, jpeg), "2-77/2026"),
            order);
    assertEquals(201, bundle.statusCode(), new String(bundle.body(), StandardCharsets.UTF_8));
    assertEquals("application/pdf", bundle.headers().firstValue("Content-Type").orElse(""));
    try (PDDocument d = Loader.loadPDF(bundle.body())) {
      int total = d.getNumberOfPages();
      assertEquals(1 + pdfPages + 1 + 1, total, "cover, the PDF's pages, the JPEG, the manifest");
      PDFTextStripper text = new PDFTextStripper();
      for (int page = 1; page <= total; page++) {
        text.setStartPage(page);
        text.setEndPage(page);
        String t = text.getText(d);
        assertTrue(t.contains("page " + page + " of " + total), "page " + page + ": " + t);
      }
      text.setStartPage(1);
      text.setEndPage(1);
      String cover = text.getText(d);
      assertTrue(cover.contains("2-77/2026"), cover);
      assertTrue(cover.contains("Ruling of the district court"), cover);
      assertTrue(cover.contains("Appeal"), cover);
      assertTrue(cover.contains("Passport page"), cover);
    }
    byte[] manifest =
        org.zhusan.vault.disclosure.bundle.CourtBundle.attachedManifest(bundle.body());
    assertTrue(Manifest.verify(manifest, publicKey()).valid(), "the clerk's offline check");
    byte[] altered = manifest.clone();
    int at = new String(manifest, StandardCharsets.UTF_8).indexOf(pdf) + 5;
    altered[at] = (byte) (altered[at] == 'a' ? 'b' : 'a');
    assertFalse(Manifest.verify(altered, publicKey()).valid(), "one changed byte fails");
    JsonObject line = accounting(person).get(0);
    assertEquals("COURT_BUNDLE", line.getString("packageKind"));
    assertEquals(3, line.getJsonArray("items").size());
    HttpResponse<byte[]> pdfAccounting =
        Http.client()
            .send(
                Http.request("/api/subjects/" + person + "/disclosures/accounting.pdf", lawyer)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, pdfAccounting.statusCode());
    try (PDDocument d = Loader.loadPDF(pdfAccounting.body())) {
      String text = new PDFTextStripper().getText(d);
      assertTrue(text.contains("COURT: District court No. 2"), text);
    }
    Http.problem(Http.get("/api/subjects/" + person + "/disclosures", teacher), 403);
    assertEquals(
        200,
        Http.get("/api/subjects/" + person + "/disclosures", AuditLogs.auditor()).statusCode());
  }

  // ---- helpers ------------------------------------------------------------------------------

  private String upload(String subject, String type, String title, String corpusFile)
      throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .field("type", type)
            .field("title", title)
            .field("purpose", "LEGAL_PROCEEDING")
            .file(corpusFile, Files.readAllBytes(TestCorpus.document(corpusFile)))
            .post("/api/subjects/" + subject + "/documents", lawyer);
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r).getString("id");
  }

  private static JsonObjectBuilder guardianTo(String document) {
    return recipient("GUARDIAN", "Aigerim Sadykova", document, null);
  }

  private static JsonObjectBuilder recipient(
      String kind, String name, String document, String caseReference) {
    return recipient(kind, name, List.of(document), caseReference);
  }

  private static JsonObjectBuilder recipient(
      String kind, String name, List<String> documents, String caseReference) {
    JsonArrayBuilder ids = Json.createArrayBuilder();
    documents.forEach(ids::add);
    JsonObjectBuilder b =
        Json.createObjectBuilder()
            .add("documentIds", ids)
            .add("recipientKind", kind)
            .add("recipientName", name)
            .add("purpose", "Hearing on the custody of the child");
    if (caseReference != null) {
      b.add("caseReference", caseReference);
    }
    return b;
  }

  private HttpResponse<byte[]> disclose(String subject, JsonObjectBuilder body, JsonObject basis)
      throws Exception {
    return discloseAs(lawyer, subject, body, basis);
  }

  private static HttpResponse<byte[]> discloseAs(
      String token, String subject, JsonObjectBuilder body, JsonObject basis) throws Exception {
    if (basis != null) {
      body.add("basis", basis);
    }
    return Http.client()
        .send(
            Http.request("/api/subjects/" + subject + "/disclosures", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static JsonObject problem(HttpResponse<byte[]> r, int status) {
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertEquals(status, r.statusCode(), body);
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
        body);
    return Json.createReader(new java.io.StringReader(body)).readObject();
  }

  private List<JsonObject> accounting(String subject) throws Exception {
    return Http.json(Http.get("/api/subjects/" + subject + "/disclosures", lawyer))
        .getJsonArray("items")
        .getValuesAs(JsonObject.class);
  }

  private static Ed25519PublicKeyParameters publicKey() throws Exception {
    return new Ed25519PublicKeyParameters(AuditLogs.publicKey().publicKey(), 0);
  }

  private static byte[] sha256(byte[] b) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(b);
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}

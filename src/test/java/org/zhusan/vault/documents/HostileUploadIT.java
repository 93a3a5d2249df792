package org.zhusan.vault.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Multipart;
import org.zhusan.vault.it.VaultServer;

/**
 * Hostile and bad uploads: each gets a precise 4xx problem (or is stored NOT_INDEXED where that is
 * right), nothing stored is harmed, and the vault stays up and keeps accepting good uploads.
 */
class HostileUploadIT {
  static final String LAWYER = DocumentRoundTripIT.LAWYER;

  @AfterEach
  void vaultStillServesGoodUploads() throws Exception {
    JsonObject ok =
        DocumentRoundTripIT.upload(
            "COURT", "After hostile", "fine.txt", "still fine\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("text/plain", ok.getJsonArray("versions").getJsonObject(0).getString("mediaType"));
  }

  static Stream<Path> hostileCorpus() throws Exception {
    try (Stream<Path> files = Files.list(org.zhusan.vault.it.TestCorpus.hostile())) {
      return files.sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileCorpus")
  void everyHostileCorpusFileIsRefusedOrContained(Path file) throws Exception {
    byte[] content = Files.readAllBytes(file);
    HttpResponse<String> r = post("COURT", file.getFileName().toString(), content);
    if (r.statusCode() == 201) {
      // Stored: either unindexed with a reason, or extracted within every limit (e.g. the recursive
      // DOCX stops at the embedding depth limit and says so). Either way it reads back intact.
      assertEquals(
          "PENDING",
          Http.json(r).getJsonArray("versions").getJsonObject(0).getString("extractionStatus"),
          "an upload returns before extraction");
      JsonObject v = extractedVersion(r);
      if (v.getString("extractionStatus").equals("NOT_INDEXED")) {
        assertFalse(v.getString("extractionReason").isBlank(), r.body());
      } else {
        assertEquals("EXTRACTED", v.getString("extractionStatus"));
      }
      if (file.getFileName().toString().contains("recursive")) {
        assertEquals(
            "true",
            v.getJsonObject("metadata").getString("X-Vault:embedded-depth-limit-reached", "false"));
      }
      assertArrayEqualsDownload(Http.json(r).getString("id"), content);
    } else {
      JsonObject p = Http.problem(r, 415);
      assertTrue(p.getString("detail").contains("content is "), p.toString());
    }
  }

  @Test
  void emptyFileIsRejected() throws Exception {
    assertEquals(
        "urn:zhusan:problem:empty-file",
        Http.problem(post("COURT", "empty.pdf", new byte[0]), 400).getString("type"));
  }

  @Test
  void fileOverTheLimitIsRejectedWith413AndLeavesNoRows() throws Exception {
    long before = count("SELECT count(*) FROM content_chunk");
    byte[] big = new byte[(int) VaultServer.MAX_UPLOAD_BYTES + 1024 * 1024];
    Arrays.fill(big, (byte) 'a');
    System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 9);
    HttpResponse<String> r =
        new Multipart()
            .field("type", "COURT")
            .field("title", "big")
            .field("purpose", "LEGAL_PROCEEDING")
            .file("big.txt", big)
            .postExpectingContinue(
                "/api/subjects/" + DocumentRoundTripIT.subject() + "/documents", LAWYER);
    Http.problem(r, 413);
    assertEquals(
        before,
        count("SELECT count(*) FROM content_chunk"),
        "nothing of the refused upload was kept");
  }

  @Test
  void executableRenamedPdfIsRejectedNamingTheDetectedType() throws Exception {
    byte[] elf = new byte[4096];
    byte[] header = {
      0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0
    };
    System.arraycopy(header, 0, elf, 0, header.length);
    JsonObject p = Http.problem(post("COURT", "ruling.pdf", elf), 415);
    assertTrue(p.getString("detail").contains("application/x-"), p.getString("detail"));
  }

  @Test
  void docxZipBombIsRefusedOrStoredUnindexedQuickly() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      byte[] docx = Files.readAllBytes(DocumentRoundTripIT.corpus("testWORD.docx"));
      try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx))) {
        for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
          zip.putNextEntry(new ZipEntry(e.getName()));
          if (e.getName().equals("word/document.xml")) {
            byte[] para =
                "<w:p><w:r><w:t>bomb bomb bomb bomb bomb bomb bomb bomb</w:t></w:r></w:p>"
                    .getBytes(StandardCharsets.UTF_8);
            zip.write(
                "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                    .getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 3_000_000; i++) {
              zip.write(para);
            }
            zip.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
          } else {
            in.transferTo(zip);
          }
          zip.closeEntry();
        }
      }
    }
    byte[] bomb = out.toByteArray();
    assertTrue(bomb.length < VaultServer.MAX_UPLOAD_BYTES, "bomb is " + bomb.length + " bytes");
    HttpResponse<String> r = post("COURT", "bomb.docx", bomb);
    if (r.statusCode() == 201) {
      assertEquals("NOT_INDEXED", extractedVersion(r).getString("extractionStatus"));
    } else {
      Http.problem(r, 415);
    }
  }

  @Test
  void truncatedPdfIsStoredUnindexed() throws Exception {
    byte[] pdf = Files.readAllBytes(DocumentRoundTripIT.corpus("testPDF.pdf"));
    HttpResponse<String> r = post("COURT", "broken.pdf", Arrays.copyOf(pdf, pdf.length / 2));
    assertEquals(201, r.statusCode(), r.body());
    assertEquals("NOT_INDEXED", extractedVersion(r).getString("extractionStatus"));
  }

  @Test
  void docxWithXxePayloadIsStoredWithoutResolvingTheEntity() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] docx = Files.readAllBytes(DocumentRoundTripIT.corpus("testWORD.docx"));
    try (ZipOutputStream zip = new ZipOutputStream(out);
        ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        zip.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals("word/document.xml")) {
          zip.write(
              ("<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM"
                   + " \"file:///etc/passwd\">]><w:document"
                   + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
                   + "<w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>")
                  .getBytes(StandardCharsets.UTF_8));
        } else {
          in.transferTo(zip);
        }
        zip.closeEntry();
      }
    }
    HttpResponse<String> r = post("COURT", "xxe.docx", out.toByteArray());
    assertTrue(r.statusCode() == 201 || r.statusCode() == 415, r.body());
    assertFalse(r.body().contains("root:x:0:0"), "no /etc/passwd content anywhere in the answer");
  }

  @Test
  void pathTraversalAndControlCharactersInTheFileNameAreCleaned() throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .field("type", "COURT")
            .field("title", "names")
            .field("purpose", "LEGAL_PROCEEDING")
            .file(
                "../../etc/pass\u0007wd\u0001.txt".getBytes(StandardCharsets.UTF_8),
                () -> new ByteArrayInputStream("x\n".getBytes()))
            .post("/api/subjects/" + DocumentRoundTripIT.subject() + "/documents", LAWYER);
    assertEquals(201, r.statusCode(), r.body());
    assertEquals(
        "passwd.txt", Http.json(r).getJsonArray("versions").getJsonObject(0).getString("fileName"));
  }

  @Test
  void nonUtf8FileNameIsAcceptedAndCleaned() throws Exception {
    byte[] latin1 = {(byte) 0xff, (byte) 0xfe, 'r', 'e', 'p', '.', 't', 'x', 't'};
    HttpResponse<String> r =
        new Multipart()
            .field("type", "COURT")
            .field("title", "latin1")
            .field("purpose", "LEGAL_PROCEEDING")
            .file(latin1, () -> new ByteArrayInputStream("y\n".getBytes()))
            .post("/api/subjects/" + DocumentRoundTripIT.subject() + "/documents", LAWYER);
    assertEquals(201, r.statusCode(), r.body());
    String name = Http.json(r).getJsonArray("versions").getJsonObject(0).getString("fileName");
    assertTrue(name.endsWith("rep.txt"), name);
    assertFalse(name.contains("\uFFFD"), name);
  }

  @Test
  void unknownDocumentTypeMissingSubjectAndMisorderedFieldsAreRejected() throws Exception {
    Http.problem(post("PASSPORTS", "a.txt", "a".getBytes()), 400);
    HttpResponse<String> missing =
        new Multipart()
            .field("type", "COURT")
            .field("title", "x")
            .field("purpose", "LEGAL_PROCEEDING")
            .file("a.txt", "a".getBytes())
            .post("/api/subjects/00000000-0000-0000-0000-000000000000/documents", LAWYER);
    Http.problem(missing, 404);
    HttpResponse<String> fileFirst =
        new Multipart()
            .file("a.txt", "a".getBytes())
            .field("type", "COURT")
            .post("/api/subjects/" + DocumentRoundTripIT.subject() + "/documents", LAWYER);
    Http.problem(fileFirst, 400);
    Http.problem(
        Http.postJson(
            "/api/subjects/" + DocumentRoundTripIT.subject() + "/documents", LAWYER, "{}"),
        415);
  }

  @Test
  void tamperedStoredContentFailsTheDownloadLoudlyAndIsLogged() throws Exception {
    JsonObject doc =
        DocumentRoundTripIT.upload(
            "COURT", "Tamper", "t.txt", "original ruling text\n".getBytes(StandardCharsets.UTF_8));
    String versionId = doc.getJsonArray("versions").getJsonObject(0).getString("id");
    try (Connection c = VaultServer.get().ownerConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("ALTER TABLE content_chunk DISABLE TRIGGER USER");
      s.execute(
          "UPDATE content_chunk SET data = set_byte(data, 60, get_byte(data, 60) # 1) WHERE"
              + " version_id = '"
              + versionId
              + "'");
      s.execute("ALTER TABLE content_chunk ENABLE TRIGGER USER");
      c.commit();
    }
    boolean failed;
    try {
      HttpResponse<byte[]> r = DocumentRoundTripIT.download(doc.getString("id"), 1);
      failed =
          r.statusCode() != 200
              || !new String(r.body(), StandardCharsets.UTF_8).equals("original ruling text\n");
    } catch (java.io.IOException e) {
      failed = true; // the transfer was aborted
    }
    assertTrue(failed, "a tampered version must not download as if intact");
    assertTrue(
        count(
                "SELECT count(*) FROM access_log WHERE outcome = 'FAILED' AND target_id = '"
                    + versionId
                    + "'")
            >= 1);
  }

  /** A small valid PDF, generated here, and the same PDF with a runnable JAR appended. */
  static byte[] generatedPdf() {
    String body =
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            + "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
            + "trailer << /Root 1 0 R >>\n%%EOF\n";
    return body.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] pdfWithJarAppended() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(generatedPdf());
    try (ZipOutputStream jar = new ZipOutputStream(out)) {
      jar.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
      jar.write("Manifest-Version: 1.0\nMain-Class: Payload\n".getBytes(StandardCharsets.US_ASCII));
      jar.putNextEntry(new ZipEntry("Payload.class"));
      jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
    }
    return out.toByteArray();
  }

  @Test
  void pdfWithAZipArchiveAppendedIsRefusedAsAPolyglotAndNothingIsStored() throws Exception {
    assertEquals(
        201, post("COURT", "plain.pdf", generatedPdf()).statusCode(), "the PDF alone is accepted");
    long before = count("SELECT count(*) FROM content_chunk");
    JsonObject p = Http.problem(post("COURT", "ruling.pdf", pdfWithJarAppended()), 415);
    assertEquals("urn:zhusan:problem:polyglot-file", p.getString("type"));
    assertTrue(p.getString("detail").contains("application/pdf"), p.toString());
    assertEquals(
        before,
        count("SELECT count(*) FROM content_chunk"),
        "nothing of the refused upload was kept");
  }

  @Test
  void nulInTheFileNameIsRefusedWith400() throws Exception {
    byte[] name = "ruling\0.txt".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r =
        new Multipart()
            .field("type", "COURT")
            .field("title", "nul name")
            .field("purpose", "LEGAL_PROCEEDING")
            .file(name, () -> new ByteArrayInputStream("text\n".getBytes(StandardCharsets.UTF_8)))
            .post("/api/subjects/" + DocumentRoundTripIT.subject() + "/documents", LAWYER);
    assertEquals("urn:zhusan:problem:invalid-file-name", Http.problem(r, 400).getString("type"));
  }

  @Test
  void downloadCarriesASandboxContentSecurityPolicy() throws Exception {
    JsonObject doc =
        DocumentRoundTripIT.upload(
            "COURT",
            "Sandboxed",
            "page.txt",
            "<script>alert(1)</script>\n".getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> r = DocumentRoundTripIT.download(doc.getString("id"), 1);
    assertEquals(200, r.statusCode());
    assertEquals("sandbox", r.headers().firstValue("Content-Security-Policy").orElse(""));
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
  }

  static HttpResponse<String> post(String type, String name, byte[] content) throws Exception {
    return new Multipart()
        .field("type", type)
        .field("title", "hostile " + name)
        .field("purpose", "LEGAL_PROCEEDING")
        .file(name, content)
        .post("/api/subjects/" + DocumentRoundTripIT.subject() + "/documents", LAWYER);
  }

  /** Version 1 of the uploaded document once extraction (which runs after the upload) ended. */
  static JsonObject extractedVersion(HttpResponse<String> upload) throws Exception {
    String id = Http.json(upload).getString("id");
    org.zhusan.vault.it.Extractions.awaitDone(id);
    HttpResponse<String> r = Http.get("/api/documents/" + id, LAWYER);
    assertEquals(200, r.statusCode(), r.body());
    return Http.json(r).getJsonArray("versions").getJsonObject(0);
  }

  static void assertArrayEqualsDownload(String documentId, byte[] expected) throws Exception {
    org.junit.jupiter.api.Assertions.assertArrayEquals(
        expected, DocumentRoundTripIT.download(documentId, 1).body());
  }

  static long count(String sql) throws Exception {
    try (Connection c = VaultServer.get().ownerConnection();
        Statement s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

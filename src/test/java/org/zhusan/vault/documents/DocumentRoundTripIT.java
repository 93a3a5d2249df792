package org.zhusan.vault.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Multipart;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;

/**
 * Upload → list → download returns identical bytes; versions stay readable; content is never in
 * clear in the database.
 */
class DocumentRoundTripIT {
  static final String CENTRE = "KOS-01";
  static final String LAWYER = Tokens.token("doc-lawyer", "LAWYER", CENTRE);
  private static String subjectId;

  static synchronized String subject() throws Exception {
    if (subjectId == null) {
      subjectId =
          Subjects.create(LAWYER, CENTRE, "Document Owner", Subjects.randomIin()).getString("id");
    }
    return subjectId;
  }

  static Path corpus(String name) {
    return org.zhusan.vault.it.TestCorpus.document(name);
  }

  static Stream<Arguments> corpusFiles() {
    return Stream.of(
        Arguments.of("testPDF.pdf", "application/pdf"),
        Arguments.of(
            "testWORD.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        Arguments.of("testWORD.doc", "application/msword"),
        Arguments.of("testOpenOffice2.odt", "application/vnd.oasis.opendocument.text"),
        Arguments.of("testRTF.rtf", "application/rtf"),
        Arguments.of("testJPEG_EXIF.jpg", "image/jpeg"),
        Arguments.of("testPNG.png", "image/png"),
        Arguments.of("testTIFF.tif", "image/tiff"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusFiles")
  void uploadListDownloadReturnsIdenticalBytes(String file, String mediaType) throws Exception {
    byte[] content = Files.readAllBytes(corpus(file));
    JsonObject doc = upload("COURT", "Ruling " + file, file, content);
    JsonObject v1 = doc.getJsonArray("versions").getJsonObject(0);
    assertEquals(mediaType, v1.getString("mediaType"));
    assertEquals(content.length, v1.getJsonNumber("sizeBytes").longValue());
    assertEquals(file, v1.getString("fileName"));

    HttpResponse<byte[]> r = download(doc.getString("id"), 1);
    assertEquals(200, r.statusCode());
    assertArrayEquals(content, r.body());
    assertEquals(mediaType, r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    assertTrue(r.headers().firstValue("Content-Disposition").orElse("").contains(file));
    assertTrue(r.headers().firstValue("ETag").isPresent());
  }

  @Test
  void plainTextIsAcceptedAndSecondVersionKeepsFirstReadable() throws Exception {
    byte[] first = "The hearing is adjourned to March.\n".getBytes(StandardCharsets.UTF_8);
    byte[] second =
        "The hearing is adjourned to April; amended ruling.\n".getBytes(StandardCharsets.UTF_8);
    JsonObject doc = upload("COURT", "Adjournment", "ruling.txt", first);
    String id = doc.getString("id");
    HttpResponse<String> v2 =
        new Multipart()
            .field("purpose", "LEGAL_PROCEEDING")
            .file("ruling-amended.txt", second)
            .post("/api/documents/" + id + "/versions", LAWYER);
    assertEquals(201, v2.statusCode(), v2.body());
    assertEquals(2, Http.json(v2).getInt("latestVersion"));
    assertArrayEquals(first, download(id, 1).body());
    assertArrayEquals(second, download(id, 2).body());
    JsonObject listed = Http.json(Http.get("/api/subjects/" + subject() + "/documents", LAWYER));
    assertTrue(listed.getInt("total") >= 1);
    JsonObject full = Http.json(Http.get("/api/documents/" + id, LAWYER));
    assertEquals(2, full.getJsonArray("versions").size());
    assertEquals("Adjournment", full.getString("title"));
  }

  @Test
  void downloadWithoutPurposeIsRejected() throws Exception {
    JsonObject doc =
        upload(
            "COURT", "Needs a purpose", "p.txt", "purpose test".getBytes(StandardCharsets.UTF_8));
    Http.problem(
        Http.get("/api/documents/" + doc.getString("id") + "/versions/1/content", LAWYER), 400);
    Http.problem(
        Http.get(
            "/api/documents/" + doc.getString("id") + "/versions/1/content?purpose=CURIOSITY",
            LAWYER),
        400);
  }

  @Test
  void databaseDumpHoldsNeitherContentNorTitles() throws Exception {
    String words = "Zhaksylykova testified quixotically about the Xylophonist";
    upload(
        "COURT",
        "Secret Title Qwertyuiop",
        "dump.txt",
        (words + "\n").getBytes(StandardCharsets.UTF_8));
    String dump = org.zhusan.vault.it.Dumps.pgDump();
    for (String w :
        new String[] {"Zhaksylykova", "quixotically", "Xylophonist", "Qwertyuiop", "dump.txt"}) {
      assertFalse(dump.contains(w), w + " in dump");
      assertFalse(dump.contains(org.zhusan.vault.it.Dumps.hex(w)), w + " as hex in dump");
    }
  }

  @Test
  void aVersionOfManyRowsIsDownloadedWhole() throws Exception {
    // Several content rows, the last one short, none a multiple of the rows' read slices.
    byte[] content = numberedLines(5 * 1024 * 1024 + 12_345);
    JsonObject doc = upload("COURT", "A long ruling", "ruling.txt", content);
    String versionId = doc.getJsonArray("versions").getJsonObject(0).getString("id");
    try (java.sql.Connection c = org.zhusan.vault.it.VaultServer.get().ownerConnection();
        java.sql.PreparedStatement q =
            c.prepareStatement("SELECT count(*) FROM content_chunk WHERE version_id = ?::uuid")) {
      q.setString(1, versionId);
      try (java.sql.ResultSet rs = q.executeQuery()) {
        rs.next();
        assertTrue(rs.getInt(1) > 5, "stored in several rows: " + rs.getInt(1));
      }
    }

    HttpResponse<byte[]> r = download(doc.getString("id"), 1);
    assertEquals(200, r.statusCode());
    assertArrayEquals(content, r.body());
  }

  /** Text of exactly {@code size} bytes in which every line differs. */
  static byte[] numberedLines(int size) {
    StringBuilder b = new StringBuilder(size + 80);
    for (int i = 0; b.length() < size; i++) {
      b.append("Line ").append(i).append(" of the ruling, as read out in court.\n");
    }
    return b.substring(0, size).getBytes(StandardCharsets.UTF_8);
  }

  static JsonObject upload(String type, String title, String fileName, byte[] content)
      throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .field("type", type)
            .field("title", title)
            .field("purpose", "LEGAL_PROCEEDING")
            .file(fileName, content)
            .post("/api/subjects/" + subject() + "/documents", LAWYER);
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r);
  }

  static HttpResponse<byte[]> download(String documentId, int version) throws Exception {
    return Http.client()
        .send(
            Http.request(
                    "/api/documents/"
                        + documentId
                        + "/versions/"
                        + version
                        + "/content?purpose=LEGAL_PROCEEDING",
                    LAWYER)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}

package org.zhusan.vault.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.crypto.AeadKeyset;
import org.zhusan.vault.crypto.AesGcmAead;
import org.zhusan.vault.crypto.AesGcmHkdfStreaming;
import org.zhusan.vault.crypto.AssociatedData;
import org.zhusan.vault.crypto.ContentDigest;
import org.zhusan.vault.crypto.DataKey;
import org.zhusan.vault.crypto.DataKeyWrapper;
import org.zhusan.vault.crypto.Keyring;
import org.zhusan.vault.crypto.WrappedKey;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * A document stored before per-document keys — written here exactly as the vault wrote them then,
 * under the subject's data key — is readable, cannot be destroyed on its own, is re-sealed under
 * its own key without a byte of it changing for its readers, and can then be destroyed.
 */
class LegacyResealIT {
  private final String lawyer = Tokens.token("lawyer-legacy", "LAWYER", "TUR-01");
  private final String secondLawyer = Tokens.token("lawyer-legacy-2", "LAWYER", "TUR-01");
  private final String admin = Tokens.token("admin-legacy", "ADMIN");

  @Test
  void aLegacyDocumentIsResealedUnderItsOwnKeyAndCanThenBeDestroyed() throws Exception {
    String subject = Subjects.create(lawyer, "TUR-01", "Legacy Papers", null).getString("id");
    UUID document = UUID.randomUUID();
    UUID version = UUID.randomUUID();
    byte[] text =
        "A letter stored in the first year of the programme".getBytes(StandardCharsets.UTF_8);
    byte[] oldContent = storeAsBefore(UUID.fromString(subject), document, version, text);

    String path = "/api/documents/" + document;
    assertEquals("Legacy letter", Http.json(Http.get(path, lawyer)).getString("title"));
    assertEquals(new String(text, StandardCharsets.UTF_8), download(document));

    // Queued and proposed like any other record, but not destroyable while under the person's key.
    assertEquals(200, Http.postJson("/api/records/disposition/scan", admin, "{}").statusCode());
    String item = queueItem(document.toString());
    HttpResponse<String> proposed =
        Http.postJson(
            "/api/records/disposition/" + item + "/propose",
            admin,
            "{\"reason\":\"Retention ended; nothing pending\"}");
    assertEquals(200, proposed.statusCode(), proposed.body());
    JsonObject refused =
        Http.problem(
            Http.postJson("/api/records/disposition/" + item + "/approve", secondLawyer, "{}"),
            409);
    assertEquals("urn:zhusan:problem:legacy-document-key", refused.getString("type"));

    assertTrue(
        Http.json(Http.get("/api/admin/keys/document-keys", admin)).getInt("legacyDocuments") >= 0);
    Http.problem(Http.postJson("/api/admin/keys/document-keys/reseal", lawyer, "{}"), 403);
    HttpResponse<String> pass =
        Http.postJson("/api/admin/keys/document-keys/reseal?limit=1000", admin, "{}");
    assertEquals(200, pass.statusCode(), pass.body());
    assertEquals(0, Http.json(pass).getInt("remaining"), pass.body());

    try (Connection c = VaultServer.get().ownerConnection()) {
      assertEquals("DOCUMENT", single(c, "SELECT key_scheme FROM document WHERE id = ?", document));
      byte[] newContent =
          bytes(c, "SELECT data FROM content_chunk WHERE version_id = ? AND seq = 0", version);
      assertFalse(java.util.Arrays.equals(oldContent, newContent), "the content was re-sealed");
    }
    Path share =
        VaultServer.repoRoot()
            .resolve("target/document-keys")
            .resolve(document.toString().substring(0, 2))
            .resolve(document.toString());
    assertTrue(Files.exists(share));
    assertEquals("Legacy letter", Http.json(Http.get(path, lawyer)).getString("title"));
    assertEquals(
        "legacy.txt",
        Http.json(Http.get(path, lawyer))
            .getJsonArray("versions")
            .getJsonObject(0)
            .getString("fileName"));
    assertEquals(new String(text, StandardCharsets.UTF_8), download(document));

    // The application's role still cannot change content rows, flag or no flag.
    try (Connection app =
            DriverManager.getConnection(VaultServer.get().jdbcUrl(), VaultServer.APP, "");
        Statement s = app.createStatement()) {
      s.execute("SET zhusan.reseal = 'on'");
      assertThrows(
          SQLException.class,
          () ->
              s.executeUpdate(
                  "UPDATE content_chunk SET data = data WHERE version_id = '" + version + "'"));
    }

    HttpResponse<String> approved =
        Http.postJson("/api/records/disposition/" + item + "/approve", secondLawyer, "{}");
    assertEquals(200, approved.statusCode(), approved.body());
    assertFalse(Files.exists(share));
    Http.problem(Http.get(path, lawyer), 410);
  }

  private String download(UUID document) throws Exception {
    HttpResponse<String> r =
        Http.get(
            "/api/documents/" + document + "/versions/1/content?purpose=LEGAL_PROCEEDING", lawyer);
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  private String queueItem(String document) throws Exception {
    JsonObject page = Http.json(Http.get("/api/records/disposition?state=OPEN&limit=500", admin));
    for (JsonObject i : page.getJsonArray("items").getValuesAs(JsonObject.class)) {
      if (i.getString("documentId").equals(document)) {
        return i.getString("id");
      }
    }
    throw new AssertionError("not queued: " + page);
  }

  /**
   * Writes a document, one version and its content rows as the vault did before per-document keys:
   * title, file name and content under the subject's data key, unwrapped here with the test
   * keystore. Returns the stored ciphertext.
   */
  private static byte[] storeAsBefore(UUID subject, UUID document, UUID version, byte[] text)
      throws Exception {
    try (Connection c = VaultServer.get().ownerConnection()) {
      int kekVersion;
      byte[] wrapped;
      try (PreparedStatement ps =
          c.prepareStatement("SELECT kek_version, wrapped FROM data_key WHERE owner_id = ?")) {
        ps.setObject(1, subject);
        ResultSet rs = ps.executeQuery();
        assertTrue(rs.next());
        kekVersion = rs.getInt(1);
        wrapped = rs.getBytes(2);
      }
      Keyring keyring = Keyring.load(VaultServer.keystore(), "development-only".toCharArray());
      DataKey dek =
          DataKeyWrapper.forSubjects(keyring)
              .unwrap(new WrappedKey(kekVersion, wrapped), subject.toString());
      AesGcmAead fields = AesGcmAead.create(AeadKeyset.of(1, dek));
      byte[] title =
          fields.encrypt(
              "Legacy letter".getBytes(StandardCharsets.UTF_8),
              AssociatedData.forField("document", "title_ct", document));
      byte[] fileName =
          fields.encrypt(
              "legacy.txt".getBytes(StandardCharsets.UTF_8),
              AssociatedData.forField("document_version", "file_name_ct", version));
      ByteArrayOutputStream sealed = new ByteArrayOutputStream();
      try (OutputStream out =
          AesGcmHkdfStreaming.create(AeadKeyset.of(1, dek))
              .newEncryptingStream(sealed, AssociatedData.forContent(version))) {
        out.write(text);
      }
      ContentDigest digest = ContentDigest.start(dek, AssociatedData.forContent(version));
      digest.update(text, 0, text.length);
      byte[] ciphertext = sealed.toByteArray();
      try (PreparedStatement d =
              c.prepareStatement(
                  "INSERT INTO document (id, subject_id, doc_type, title_ct, created_at,"
                      + " created_by, latest_version, key_scheme) VALUES (?, ?, 'CORRESPONDENCE',"
                      + " ?, now(), 'lawyer-legacy', 1, 'SUBJECT')");
          PreparedStatement v =
              c.prepareStatement(
                  "INSERT INTO document_version (id, document_id, version_no, media_type,"
                      + " size_bytes, ciphertext_bytes, chunk_count, content_digest, file_name_ct,"
                      + " extraction_status, uploaded_by, uploaded_at) VALUES (?, ?, 1,"
                      + " 'text/plain', ?, ?, 1, ?, ?, 'EXTRACTED', 'lawyer-legacy', now())");
          PreparedStatement chunk =
              c.prepareStatement(
                  "INSERT INTO content_chunk (version_id, seq, data) VALUES (?, 0, ?)")) {
        d.setObject(1, document);
        d.setObject(2, subject);
        d.setBytes(3, title);
        d.executeUpdate();
        v.setObject(1, version);
        v.setObject(2, document);
        v.setLong(3, text.length);
        v.setLong(4, ciphertext.length);
        v.setBytes(5, digest.finish());
        v.setBytes(6, fileName);
        v.executeUpdate();
        chunk.setObject(1, version);
        chunk.setBytes(2, ciphertext);
        chunk.executeUpdate();
      }
      assertArrayEquals(
          ciphertext, bytes(c, "SELECT data FROM content_chunk WHERE version_id = ?", version));
      return ciphertext;
    }
  }

  private static String single(Connection c, String sql, UUID id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, id);
      ResultSet rs = ps.executeQuery();
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  private static byte[] bytes(Connection c, String sql, UUID id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, id);
      ResultSet rs = ps.executeQuery();
      assertTrue(rs.next());
      return rs.getBytes(1);
    }
  }
}

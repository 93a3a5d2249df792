package org.zhusan.vault.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.cli.embedded.EmbeddedDatabase;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Multipart;
import org.zhusan.vault.it.TestFiles;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;
import picocli.CommandLine;

/**
 * The operator's backup of the embedded default, end to end: a vault on the embedded database (as
 * {@code run} starts it) gets a subject, documents and access-log entries; {@code backup} copies it
 * while it runs; {@code restore} puts the copy into an empty data directory; a vault started there
 * serves every document byte-identical and its access log verifies.
 */
class BackupRestoreIT {
  private static final Path ROOT =
      Path.of(System.getProperty("vault.repo.root", "."))
          .toAbsolutePath()
          .resolve("target/backup-restore-it");
  private static final String CENTRE = "AST-01";
  private static final String LAWYER = Tokens.token("backup-lawyer", "LAWYER", CENTRE);
  private static final String AUDITOR = Tokens.token("backup-auditor", "AUDITOR");
  private static final SecureRandom RANDOM = new SecureRandom();

  @Test
  void
      aBackupTakenWhileTheVaultRunsRestoresIntoAnEmptyDirectoryWithDocumentsByteIdenticalAndTheLogVerified()
          throws Exception {
    TestFiles.deleteRecursively(ROOT);
    Path dataA = ROOT.resolve("a");
    Path dataB = ROOT.resolve("b");
    Path backup = ROOT.resolve("vault-backup.zip");
    String name = "Zhuldyz Backupova " + word();
    String secretWord = word() + "xq";
    Map<String, byte[]> documents = new LinkedHashMap<>();
    long entriesAtBackup;
    String afterBackup;

    long t0 = System.nanoTime();
    try (EmbeddedVault a = EmbeddedVault.start(dataA, "backup-it-a")) {
      lap("vault A ready", t0);
      String subject = a.createSubject(name);
      documents.put(
          a.upload(
              subject,
              "statement.txt",
              ("Testimony " + secretWord + "\n").getBytes(StandardCharsets.UTF_8)),
          null);
      documents.put(
          a.upload(subject, "long-ruling.txt", longText(2_500_000)), null); // several 1 MiB chunks
      for (String id : new ArrayList<>(documents.keySet())) {
        documents.put(id, a.download(id).body()); // reads are logged too
      }
      lap("documents stored and read", t0);
      entriesAtBackup = a.count("access_log");
      assertTrue(entriesAtBackup >= 5, "subject, uploads and reads are logged: " + entriesAtBackup);

      // While it runs, through the command line, as an operator would.
      assertEquals(0, cli("backup", "--data", dataA.toString(), "--out", backup.toString()));
      assertTrue(a.process.isAlive());
      lap("backup written", t0);
      afterBackup =
          a.upload(
              subject, "later.txt", "written after the backup\n".getBytes(StandardCharsets.UTF_8));
    }

    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)),
        "it holds the password file");
    assertNoPlaintext(backup, List.of(name, secretWord, "Testimony", "statement.txt"));

    assertEquals(0, cli("restore", "--from", backup.toString(), "--data", dataB.toString()));
    lap("restored", t0);
    assertFalse(
        cli("restore", "--from", backup.toString(), "--data", dataB.toString()) == 0,
        "never over a database");

    try (EmbeddedVault b = EmbeddedVault.start(dataB, "backup-it-b")) {
      lap("vault B ready", t0);
      for (Map.Entry<String, byte[]> d : documents.entrySet()) {
        HttpResponse<byte[]> r = b.download(d.getKey());
        assertEquals(200, r.statusCode());
        assertArrayEquals(d.getValue(), r.body(), "document " + d.getKey());
      }
      assertEquals(
          404,
          b.download(afterBackup).statusCode(),
          "the restore is the backup, not a later state");

      HttpResponse<String> verify =
          Http.send(b.request("/api/audit/verify", AUDITOR).GET().build());
      assertEquals(200, verify.statusCode(), verify.body());
      JsonObject report = Http.json(verify);
      assertTrue(report.getBoolean("ok"), verify.body());
      assertTrue(
          report.getJsonNumber("entriesChecked").longValue() >= entriesAtBackup, verify.body());

      // The vault runs as owner + application role, as on an external PostgreSQL: the application
      // role may not rewrite the access log.
      try (Connection app = b.db.connectAsApp();
          Statement s = app.createStatement()) {
        SQLException denied =
            assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM access_log"));
        assertEquals("42501", denied.getSQLState(), denied.getMessage()); // insufficient_privilege
      }
    }
  }

  /**
   * Every stored byte of the backup, inflated, is searched for the plaintext the vault was given.
   */
  private static void assertNoPlaintext(Path backup, List<String> words) throws IOException {
    int entries = 0;
    try (ZipFile zip = new ZipFile(backup.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        if (e.isDirectory()) {
          continue;
        }
        entries++;
        byte[] bytes;
        try (InputStream in = zip.getInputStream(e)) {
          bytes = in.readAllBytes();
        }
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String w : words) {
          assertFalse(
              latin1.contains(
                  new String(w.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)),
              w + " in " + e.getName());
        }
      }
    }
    assertTrue(entries > 100, "a whole cluster: " + entries + " files");
  }

  private static void lap(String what, long t0) {
    System.out.printf("BackupRestoreIT: %s at %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
  }

  private static int cli(String... args) {
    return new CommandLine(new VaultCli()).execute(args);
  }

  private static String word() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      b.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return b.toString();
  }

  private static byte[] longText(int bytes) {
    StringBuilder b = new StringBuilder(bytes + 16);
    while (b.length() < bytes) {
      b.append(word()).append(b.length() % 120 < 11 ? '\n' : ' ');
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The embedded database and the vault on it, assembled as {@code run --dev} does, on free ports.
   */
  static final class EmbeddedVault implements AutoCloseable {
    final EmbeddedDatabase db;
    final VaultProcess process;

    private EmbeddedVault(EmbeddedDatabase db, VaultProcess process) {
      this.db = db;
      this.process = process;
    }

    static EmbeddedVault start(Path dataDir, String name) throws Exception {
      EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, VaultServer.freePort());
      Path target = ROOT.getParent();
      VaultProcess.Spec spec =
          new VaultProcess.Spec()
              .payaraJar(target.resolve("payara-micro.jar"))
              .war(target.resolve("zhusan-vault.war"))
              .port(VaultServer.freePort())
              .rootDir(dataDir.resolve("payara"))
              .log(target.resolve(name + "-server.log"));
      db.serverEnvironment().forEach(spec::env);
      DevKeys.apply(spec);
      // Document key shares are key material, kept apart from database backups like the keystore:
      // the restored vault is pointed at the same directory, as an operator would after a restore.
      spec.env("VAULT_KEYS_DOCUMENT_KEYS_LOCATION", ROOT.resolve("document-keys").toString());
      VaultProcess p = VaultProcess.start(spec);
      // run's own default limit: on the shared build machine a start has taken over two minutes.
      if (!p.awaitReady(Duration.parse(StartupProgress.DEFAULT_TIMEOUT))) {
        p.close();
        db.close();
        throw new IllegalStateException(
            "vault did not become ready; see target/" + name + "-server.log");
      }
      return new EmbeddedVault(db, p);
    }

    HttpRequest.Builder request(String path, String token) {
      return HttpRequest.newBuilder(URI.create(process.baseUrl() + path))
          .timeout(Duration.ofSeconds(60))
          .header("Authorization", "Bearer " + token);
    }

    String createSubject(String fullName) throws Exception {
      String body =
          Json.createObjectBuilder()
              .add("centre", CENTRE)
              .add("sex", "F")
              .add("fullName", fullName)
              .add("dateOfBirth", "1991-03-04")
              .add("placeOfOrigin", "Raqqa")
              .add("notes", "backup test")
              .build()
              .toString();
      HttpResponse<String> r =
          Http.send(
              request("/api/subjects", LAWYER)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build());
      assertEquals(201, r.statusCode(), r.body());
      return Http.json(r).getString("id");
    }

    String upload(String subject, String fileName, byte[] content) throws Exception {
      HttpResponse<String> r =
          new Multipart()
              .field("type", "COURT")
              .field("title", "Backup test")
              .field("purpose", "LEGAL_PROCEEDING")
              .file(fileName, content)
              .postTo(process.baseUrl(), "/api/subjects/" + subject + "/documents", LAWYER);
      assertEquals(201, r.statusCode(), r.body());
      return Http.json(r).getString("id");
    }

    HttpResponse<byte[]> download(String documentId) throws Exception {
      return Http.client()
          .send(
              request(
                      "/api/documents/"
                          + documentId
                          + "/versions/1/content?purpose=LEGAL_PROCEEDING",
                      LAWYER)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    }

    long count(String table) throws SQLException {
      try (Connection c = db.connectAsOwner();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
        rs.next();
        return rs.getLong(1);
      }
    }

    @Override
    public void close() throws Exception {
      process.close();
      db.close();
    }
  }
}

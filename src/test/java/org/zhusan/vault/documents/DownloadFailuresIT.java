package org.zhusan.vault.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.VaultServer;

/**
 * How a download that ends early is recorded: only stored ciphertext that fails authentication is
 * an integrity alarm; a client that goes away is an ordinary aborted read.
 */
class DownloadFailuresIT {

  @Test
  void clientThatStopsReadingIsNotAnIntegrityAlarm() throws Exception {
    // Larger than any socket buffer on loopback, so the server is still writing when the client
    // leaves.
    byte[] content = lines(12 * 1024 * 1024);
    JsonObject doc =
        DocumentRoundTripIT.upload("COURT", "A long transcript", "transcript.txt", content);
    String versionId = doc.getJsonArray("versions").getJsonObject(0).getString("id");

    readHeadersAndHangUp(
        "/api/documents/" + doc.getString("id") + "/versions/1/content?purpose=LEGAL_PROCEEDING");

    String aborted = "document version " + versionId + " aborted by the client";
    assertTrue(awaitServerLog(aborted), "the server never saw the client go: " + aborted);
    assertEquals(
        List.of("ALLOWED"),
        outcomesFor(versionId, doc.getString("id")),
        "an aborted read is the allowed read already recorded, not a failure");
    assertFalse(serverLog().contains("INTEGRITY ALARM: document version " + versionId));
  }

  @Test
  void tamperedStoredContentIsAnIntegrityAlarm() throws Exception {
    JsonObject doc =
        DocumentRoundTripIT.upload("COURT", "To be tampered with", "t.txt", lines(200_000));
    String versionId = doc.getJsonArray("versions").getJsonObject(0).getString("id");
    try (Connection c = VaultServer.get().adminConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "SET session_replication_role = replica"); // past the immutability trigger, as a rogue
      // superuser
      s.executeUpdate(
          "UPDATE content_chunk SET data = overlay(data placing '\\x00'::bytea from 100 for 1) "
              + "WHERE version_id = '"
              + versionId
              + "' AND seq = 0");
    }

    var r = DocumentRoundTripIT.download(doc.getString("id"), 1);
    assertTrue(r.body().length < 200_000, "a tampered version is never delivered whole");
    assertTrue(awaitServerLog("INTEGRITY ALARM: document version " + versionId));
    List<String> outcomes = outcomesFor(versionId, doc.getString("id"));
    assertTrue(outcomes.contains("FAILED integrity"), outcomes.toString());
  }

  @Test
  void tamperingWithALaterRowStopsTheDownloadBeforeIt() throws Exception {
    // Rows are read ahead of what is sent; what is sent must still end before the first segment
    // that fails authentication, and be the authentic bytes up to there.
    byte[] content = DocumentRoundTripIT.numberedLines(5 * 1024 * 1024);
    JsonObject doc = DocumentRoundTripIT.upload("COURT", "Tampered later", "t2.txt", content);
    String versionId = doc.getJsonArray("versions").getJsonObject(0).getString("id");
    try (Connection c = VaultServer.get().adminConnection();
        Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      s.executeUpdate(
          "UPDATE content_chunk SET data = overlay(data placing '\\x00'::bytea from 500000 for 1) "
              + "WHERE version_id = '"
              + versionId
              + "' AND seq = 3");
    }

    byte[] got =
        readUntilCut(
            "/api/documents/"
                + doc.getString("id")
                + "/versions/1/content?purpose=LEGAL_PROCEEDING");
    assertTrue(got.length < 3 * 1024 * 1024 + 500_000, "nothing past the tampered segment");
    assertTrue(
        java.util.Arrays.equals(got, 0, got.length, content, 0, got.length),
        "what was sent is the authentic beginning");
    assertTrue(awaitServerLog("INTEGRITY ALARM: document version " + versionId));
    List<String> outcomes = outcomesFor(versionId, doc.getString("id"));
    assertTrue(outcomes.contains("FAILED integrity"), outcomes.toString());
  }

  /** Outcomes (with the rule of failures) of the log entries about reading a version. */
  private static List<String> outcomesFor(String versionId, String documentId) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT outcome, rule FROM access_log WHERE action = 'DOCUMENT_READ' "
                    + "AND (target_id = ? OR target_id = ?) ORDER BY sequence")) {
      q.setString(1, versionId); // failures name the version
      q.setString(2, documentId + "/" + versionId); // decisions name document/version
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1).equals("FAILED") ? "FAILED " + rs.getString(2) : rs.getString(1));
        }
      }
    }
    return out;
  }

  /** The body bytes received before the server cut the response short (or all of them). */
  private static byte[] readUntilCut(String path) throws Exception {
    java.net.HttpURLConnection http =
        (java.net.HttpURLConnection)
            URI.create(VaultServer.get().baseUrl() + path).toURL().openConnection();
    http.setRequestProperty("Authorization", "Bearer " + DocumentRoundTripIT.LAWYER);
    assertEquals(200, http.getResponseCode());
    java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
    try (InputStream in = http.getInputStream()) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        got.write(buf, 0, n);
      }
    } catch (java.io.IOException cut) {
      // expected: the transfer ends before its Content-Length
    }
    return got.toByteArray();
  }

  private static void readHeadersAndHangUp(String path) throws Exception {
    URI base = URI.create(VaultServer.get().baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + DocumentRoundTripIT.LAWYER
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] first = in.readNBytes(64 * 1024);
      assertTrue(new String(first, 0, 12, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
      socket.setSoLinger(true, 0); // reset, as a closed browser tab does
    }
  }

  private static byte[] lines(int size) {
    StringBuilder b = new StringBuilder(size + 80);
    for (int i = 0; b.length() < size; i++) {
      b.append("Line ")
          .append(i)
          .append(" of the hearing transcript, recorded by the court clerk.\n");
    }
    return b.substring(0, size).getBytes(StandardCharsets.UTF_8);
  }

  private static boolean awaitServerLog(String text) throws Exception {
    for (int i = 0; i < 60; i++) {
      if (serverLog().contains(text)) {
        return true;
      }
      Thread.sleep(500);
    }
    return false;
  }

  private static String serverLog() throws Exception {
    Path log = VaultServer.repoRoot().resolve("target/it-server.log");
    return Files.readString(log, StandardCharsets.ISO_8859_1);
  }
}

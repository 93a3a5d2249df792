package org.zhusan.vault.subjects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * Destroying a subject's data key makes its fields unreadable (410) and leaves everything else
 * intact.
 */
class CryptoShreddingIT {
  private final String lawyer = Tokens.token("lawyer-shred", "LAWYER", "TUR-01");
  private final String admin = Tokens.token("admin-shred", "ADMIN");

  @Test
  void afterShreddingNothingOfThatSubjectDecryptsEverythingElseDoes() throws Exception {
    String iin = Subjects.randomIin();
    JsonObject doomed = Subjects.create(lawyer, "TUR-01", "Fatima Shredded", iin);
    JsonObject kept = Subjects.create(lawyer, "TUR-01", "Amina Kept", Subjects.randomIin());
    String id = doomed.getString("id");

    Http.problem(Http.postJson("/api/subjects/" + id + "/shred", admin, "{\"reason\":\"x\"}"), 400);
    Http.problem(
        Http.postJson(
            "/api/subjects/" + id + "/shred",
            lawyer,
            "{\"reason\":\"court order to erase the record\"}"),
        403);
    HttpResponse<String> shred =
        Http.postJson(
            "/api/subjects/" + id + "/shred",
            admin,
            "{\"reason\":\"court order to erase the record\"}");
    assertEquals(204, shred.statusCode(), shred.body());

    JsonObject gone = Http.problem(Http.get("/api/subjects/" + id, lawyer), 410);
    assertEquals("urn:zhusan:problem:crypto-shredded", gone.getString("type"));
    HttpResponse<String> lookup =
        Http.postJson("/api/subjects/lookup", lawyer, "{\"iin\":\"" + iin + "\"}");
    assertEquals("[]", lookup.body().strip());
    assertEquals(
        "Amina Kept",
        Http.json(Http.get("/api/subjects/" + kept.getString("id"), lawyer)).getString("fullName"));

    try (Connection c = VaultServer.get().ownerConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT wrapped IS NULL, shred_reason FROM data_key WHERE owner_id = ?::uuid")) {
        ps.setString(1, id);
        ResultSet rs = ps.executeQuery();
        assertTrue(rs.next());
        assertTrue(rs.getBoolean(1), "wrapped key destroyed");
        assertEquals("court order to erase the record", rs.getString(2));
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT action, outcome FROM access_log WHERE target_id = ? ORDER BY sequence")) {
        ps.setString(1, id);
        ResultSet rs = ps.executeQuery();
        StringBuilder history = new StringBuilder();
        while (rs.next()) {
          history.append(rs.getString(1)).append('/').append(rs.getString(2)).append(' ');
        }
        String h = history.toString();
        assertTrue(h.startsWith("SUBJECT_CREATE/ALLOWED"), h);
        assertTrue(h.contains("SUBJECT_SHRED/DENIED"), h);
        assertTrue(h.contains("SUBJECT_SHRED/ALLOWED"), h);
        assertTrue(h.contains("FAILED"), "the read after shredding is recorded: " + h);
      }
    }
  }
}

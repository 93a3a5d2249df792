package org.zhusan.vault.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/** When the access log cannot be written, the action it would record does not happen (503). */
class FailClosedIT {
  private final String doctor = Tokens.token("fail-closed-doc", "DOCTOR", "NKZ-01");

  @Test
  void requestsFailWith503AndChangeNothingWhileTheLogCannotBeWritten() throws Exception {
    JsonObject existing = Subjects.create(doctor, "NKZ-01", "Existing Before Outage", null);
    long subjectsBefore = count("SELECT count(*) FROM subject");
    long entriesBefore = count("SELECT count(*) FROM access_log");
    try (Connection c = VaultServer.get().ownerConnection();
        Statement s = c.createStatement()) {
      s.execute("REVOKE INSERT ON access_log FROM " + VaultServer.APP);
      try {
        JsonObject p =
            Http.problem(
                Http.postJson(
                    "/api/subjects",
                    doctor,
                    "{\"centre\":\"NKZ-01\",\"sex\":\"F\",\"fullName\":\"Written During Outage\"}"),
                503);
        assertEquals("urn:zhusan:problem:audit-unavailable", p.getString("type"));
        // a read's entry is committed in a batch just before the read's transaction commits; when
        // it
        // cannot be, the data is not returned
        java.net.http.HttpResponse<String> read =
            Http.get("/api/subjects/" + existing.getString("id"), doctor);
        assertEquals(
            "urn:zhusan:problem:audit-unavailable", Http.problem(read, 503).getString("type"));
        org.junit.jupiter.api.Assertions.assertFalse(
            read.body().contains("Existing Before Outage"), "no data in the refusal");
        // a denial must be recorded too, so it also fails closed
        Http.problem(
            Http.get(
                "/api/subjects/" + existing.getString("id"), Tokens.token("x", "DOCTOR", "AST-01")),
            503);
        assertEquals(
            subjectsBefore, count("SELECT count(*) FROM subject"), "no subject was created");
        assertEquals(
            0,
            count(
                "SELECT count(*) FROM data_key d WHERE NOT EXISTS (SELECT 1 FROM subject s WHERE"
                    + " s.id = d.owner_id)"),
            "no orphan data key");
        assertEquals(entriesBefore, count("SELECT count(*) FROM access_log"));
      } finally {
        s.execute("GRANT INSERT ON access_log TO " + VaultServer.APP);
      }
    }
    assertEquals(
        200,
        Http.get("/api/subjects/" + existing.getString("id"), doctor).statusCode(),
        "service recovered");
  }

  private static long count(String sql) throws Exception {
    try (Connection c = VaultServer.get().ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

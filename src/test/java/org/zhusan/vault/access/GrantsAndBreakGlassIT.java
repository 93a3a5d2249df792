package org.zhusan.vault.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Multipart;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * Grants (create, use, expire, revoke) and break-glass (justification, time limit, review queue),
 * end to end.
 */
class GrantsAndBreakGlassIT {
  static final String CENTRE = "AKT-01";
  static final String PSY = Tokens.token("gb-psy", "PSYCHOLOGIST", CENTRE);
  static final String LAWYER = Tokens.token("gb-lawyer", "LAWYER", CENTRE);
  static final String DOCTOR = Tokens.token("gb-doctor", "DOCTOR", CENTRE);
  static final String AUDITOR = Tokens.token("gb-auditor", "AUDITOR");
  static String evaluation;
  static String ruling;

  @BeforeAll
  static void documents() throws Exception {
    String subject = Subjects.create(PSY, CENTRE, "Grant Subject", null).getString("id");
    evaluation = upload(PSY, subject, "PSYCH_EVALUATION", "ASSESSMENT");
    ruling = upload(LAWYER, subject, "COURT", "LEGAL_PROCEEDING");
  }

  static String upload(String token, String subject, String type, String purpose) throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .field("type", type)
            .field("title", "t")
            .field("purpose", purpose)
            .file("e.txt", ("Evaluation text for " + type).getBytes(StandardCharsets.UTF_8))
            .post("/api/subjects/" + subject + "/documents", token);
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r).getString("id");
  }

  static HttpResponse<String> read(String token, String doc, String purpose) throws Exception {
    return Http.get("/api/documents/" + doc + "/versions/1/content?purpose=" + purpose, token);
  }

  static HttpResponse<String> share(
      String token, String doc, String grantee, String purpose, String duration) throws Exception {
    return Http.postJson(
        "/api/documents/" + doc + "/grants",
        token,
        "{\"grantee\":\""
            + grantee
            + "\",\"purpose\":\""
            + purpose
            + "\""
            + (duration == null ? "" : ",\"duration\":\"" + duration + "\"")
            + "}");
  }

  @Test
  void grantLetsTheNamedUserReadUntilRevokedOrExpired() throws Exception {
    Http.problem(read(LAWYER, evaluation, "LEGAL_PROCEEDING"), 403);

    HttpResponse<String> created = share(PSY, evaluation, "gb-lawyer", "LEGAL_PROCEEDING", "PT1H");
    assertEquals(201, created.statusCode(), created.body());
    String grantId = Http.json(created).getString("id");
    assertEquals(200, read(LAWYER, evaluation, "LEGAL_PROCEEDING").statusCode());
    assertEquals("grant:" + grantId, lastRule("gb-lawyer"));

    assertTrue(Http.get("/api/grants", LAWYER).body().contains(grantId));

    Http.problem(share(PSY, evaluation, "gb-psy", "ASSESSMENT", null), 403); // to oneself
    Http.problem(
        share(PSY, evaluation, "gb-lawyer", "LEGAL_PROCEEDING", "P60D"), 403); // beyond the maximum
    Http.problem(
        share(LAWYER, evaluation, "gb-doctor", "LEGAL_PROCEEDING", null),
        403); // not entitled to share

    Http.problem(delete("/api/grants/" + grantId, LAWYER), 403); // the grantee cannot revoke
    assertEquals(200, delete("/api/grants/" + grantId, PSY).statusCode());
    Http.problem(read(LAWYER, evaluation, "LEGAL_PROCEEDING"), 403);
    Http.problem(delete("/api/grants/" + grantId, PSY), 409);

    String shortGrant =
        Http.json(share(PSY, evaluation, "gb-lawyer", "LEGAL_PROCEEDING", "PT2S")).getString("id");
    assertEquals(200, read(LAWYER, evaluation, "LEGAL_PROCEEDING").statusCode());
    Thread.sleep(2500);
    Http.problem(read(LAWYER, evaluation, "LEGAL_PROCEEDING"), 403);

    String another =
        Http.json(share(PSY, evaluation, "gb-lawyer", "LEGAL_PROCEEDING", null)).getString("id");
    assertEquals(
        200,
        delete("/api/grants/" + another, Tokens.token("gb-admin", "ADMIN")).statusCode(),
        "an ADMIN may revoke");
    assertTrue(shortGrant.length() > 0);
  }

  @Test
  void breakGlassNeedsAJustificationIsTimeLimitedFlaggedAndReviewed() throws Exception {
    Http.problem(read(DOCTOR, ruling, "EMERGENCY"), 403);
    Http.problem(
        Http.postJson(
            "/api/documents/" + ruling + "/break-glass", DOCTOR, "{\"justification\":\"urgent\"}"),
        403);
    Http.problem(
        Http.postJson(
            "/api/documents/" + ruling + "/break-glass",
            DOCTOR,
            "{\"justification\":\"Patient unconscious; court order may forbid"
                + " treatment\",\"duration\":\"PT10H\"}"),
        403);
    Http.problem(
        Http.postJson(
            "/api/documents/" + ruling + "/break-glass",
            Tokens.token("gb-teacher", "TEACHER", CENTRE),
            "{\"justification\":\"I would like to read the ruling for a school report\"}"),
        403);

    HttpResponse<String> opened =
        Http.postJson(
            "/api/documents/" + ruling + "/break-glass",
            DOCTOR,
            "{\"justification\":\"Patient unconscious; court order may forbid"
                + " treatment\",\"duration\":\"PT2S\"}");
    assertEquals(201, opened.statusCode(), opened.body());
    String session = Http.json(opened).getString("id");
    assertEquals(200, read(DOCTOR, ruling, "EMERGENCY").statusCode());
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT break_glass, justification, rule FROM access_log WHERE user_id ="
                    + " 'gb-doctor' AND action = 'DOCUMENT_READ' AND outcome = 'ALLOWED'")) {
      ResultSet rs = ps.executeQuery();
      assertTrue(rs.next());
      assertTrue(rs.getBoolean(1), "flagged as break-glass");
      assertTrue(rs.getString(2).startsWith("Patient unconscious"));
      assertEquals("break-glass", rs.getString(3));
    }
    Thread.sleep(2500);
    Http.problem(read(DOCTOR, ruling, "EMERGENCY"), 403);

    HttpResponse<String> queue = Http.get("/api/audit/break-glass", AUDITOR);
    assertEquals(200, queue.statusCode(), queue.body());
    assertTrue(queue.body().contains(session));
    Http.problem(Http.get("/api/audit/break-glass", DOCTOR), 403);
    Http.problem(
        Http.postJson("/api/audit/break-glass/" + session + "/review", AUDITOR, "{\"note\":\"\"}"),
        400);
    HttpResponse<String> reviewed =
        Http.postJson(
            "/api/audit/break-glass/" + session + "/review",
            AUDITOR,
            "{\"note\":\"Checked with the clinic: justified.\"}");
    assertEquals(200, reviewed.statusCode(), reviewed.body());
    assertTrue(
        !Http.get("/api/audit/break-glass", AUDITOR).body().contains(session), "no longer pending");
    assertTrue(
        Http.get("/api/audit/break-glass?pending=false", AUDITOR)
            .body()
            .contains("Checked with the clinic"));
    Http.problem(
        Http.postJson(
            "/api/audit/break-glass/" + session + "/review", AUDITOR, "{\"note\":\"again\"}"),
        409);
    assertTrue(
        Http.get("/api/audit/entries?breakGlass=true", AUDITOR).body().contains("gb-doctor"));
  }

  @Test
  void aSessionIsReviewedByItsIdHoweverLongTheQueue() throws Exception {
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO break_glass (id, user_id, role, document_id, justification, opened_at,"
                    + " expires_at, reviewed_at, reviewed_by, review_note) SELECT"
                    + " gen_random_uuid(), 'gb-old', 'DOCTOR', ?, 'An old emergency, long since"
                    + " reviewed by the auditors', now() - interval '30 days', now() - interval '29"
                    + " days', now() - interval '28 days', 'gb-auditor', 'fine' FROM"
                    + " generate_series(1, 600)")) {
      ps.setObject(1, java.util.UUID.fromString(ruling));
      assertEquals(600, ps.executeUpdate());
    }
    String doctor = Tokens.token("gb-doctor-2", "DOCTOR", CENTRE);
    HttpResponse<String> opened =
        Http.postJson(
            "/api/documents/" + ruling + "/break-glass",
            doctor,
            "{\"justification\":\"Seizure on admission; need the ruling's conditions"
                + " now\",\"duration\":\"PT2S\"}");
    assertEquals(201, opened.statusCode(), opened.body());
    String session = Http.json(opened).getString("id");

    HttpResponse<String> reviewed =
        Http.postJson(
            "/api/audit/break-glass/" + session + "/review",
            AUDITOR,
            "{\"note\":\"Justified; the 601st session in the queue.\"}");
    assertEquals(200, reviewed.statusCode(), reviewed.body());
    assertEquals(session, Http.json(reviewed).getString("id"));
    assertEquals("gb-auditor", Http.json(reviewed).getString("reviewedBy"));
    Http.problem(
        Http.postJson(
            "/api/audit/break-glass/" + java.util.UUID.randomUUID() + "/review",
            AUDITOR,
            "{\"note\":\"no such session\"}"),
        404);
  }

  private static String lastRule(String user) throws Exception {
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT rule FROM access_log WHERE user_id = ? ORDER BY sequence DESC LIMIT 1")) {
      ps.setString(1, user);
      ResultSet rs = ps.executeQuery();
      rs.next();
      return rs.getString(1);
    }
  }

  private static HttpResponse<String> delete(String path, String token) throws Exception {
    return Http.send(Http.request(path, token).DELETE().build());
  }
}

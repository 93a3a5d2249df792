package org.zhusan.vault.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhusan.vault.it.Http.problem;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * Malformed requests get a precise 400 (or 405/413/431) problem, never a 500: NUL and invalid UTF-8
 * in query parameters, bodies that are not JSON or not an object, values of the wrong type, invalid
 * UTF-8 in a name, impossible dates. Requests the container refuses before any application code
 * runs are tested for their status only (see README, "Bad input").
 */
class MalformedRequestsIT {
  static final String CENTRE = "AST-01";
  static final String LAWYER = Tokens.token("bad-input-lawyer", "LAWYER", CENTRE);
  static final String AUDITOR = Tokens.token("bad-input-auditor", "AUDITOR");

  static JsonObject detailed(HttpResponse<String> r) {
    JsonObject p = problem(r, 400);
    assertTrue(p.containsKey("detail") && !p.getString("detail").isBlank(), r.body());
    return p;
  }

  static HttpResponse<String> send(
      String method, String path, String token, String contentType, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = Http.request(path, token);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return Http.send(
        b.method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  static HttpResponse<String> postJson(String path, byte[] body)
      throws IOException, InterruptedException {
    return send("POST", path, LAWYER, "application/json", body);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void nulInAQueryParameterIsRefusedWith400() throws Exception {
    assertTrue(
        detailed(Http.get("/api/subjects?centre=%00", LAWYER))
            .getString("detail")
            .contains("centre"));
    assertTrue(
        detailed(Http.get("/api/audit/entries?centre=%00", AUDITOR))
            .getString("detail")
            .contains("centre"));
    assertTrue(
        detailed(Http.get("/api/audit/entries?user=ab%00cd", AUDITOR))
            .getString("detail")
            .contains("user"));
    detailed(Http.get("/api/audit/export?action=%00", AUDITOR));
  }

  @Test
  void invalidUtf8InAQueryParameterIsRefusedWith400() throws Exception {
    assertTrue(
        detailed(Http.get("/api/subjects?centre=%FF", LAWYER))
            .getString("detail")
            .contains("UTF-8"));
    detailed(Http.get("/api/audit/entries?role=%C3%28", AUDITOR));
  }

  @Test
  void bodyThatIsNotJsonIsRefusedWith400() throws Exception {
    assertTrue(
        detailed(postJson("/api/subjects/lookup", utf8("nope")))
            .getString("detail")
            .contains("not valid JSON"));
    detailed(postJson("/api/subjects", utf8("{\"centre\": ")));
  }

  @Test
  void jsonArrayWhereAnObjectIsExpectedIsRefusedWith400() throws Exception {
    assertTrue(
        detailed(postJson("/api/subjects/lookup", utf8("[{\"iin\":\"123456789012\"}]")))
            .getString("detail")
            .contains("object"));
    detailed(postJson("/api/search", utf8("\"just a string\"")));
  }

  @Test
  void emptyJsonBodyIsRefusedWith400() throws Exception {
    assertTrue(
        detailed(postJson("/api/subjects/lookup", new byte[0]))
            .getString("detail")
            .contains("required"));
  }

  @Test
  void nonUuidGuardianIdIsRefusedNamingTheField() throws Exception {
    String child = Subjects.create(LAWYER, CENTRE, "Guarded Child", null).getString("id");
    HttpResponse<String> r =
        send(
            "PUT",
            "/api/subjects/" + child + "/guardian",
            LAWYER,
            "application/json",
            utf8("{\"guardianId\":\"not-a-uuid\"}"));
    assertEquals("guardianId must be a UUID.", detailed(r).getString("detail"));
    HttpResponse<String> created =
        postJson(
            "/api/subjects",
            utf8(
                "{\"centre\":\"AST-01\",\"sex\":\"F\",\"fullName\":\"Someone\",\"guardianId\":12}"));
    assertEquals("guardianId must be a UUID.", detailed(created).getString("detail"));
  }

  @Test
  void dateOfTheWrongShapeIsRefusedNamingTheField() throws Exception {
    String id = Subjects.create(LAWYER, CENTRE, "Stage Mover", null).getString("id");
    HttpResponse<String> r =
        postJson(
            "/api/subjects/" + id + "/stage",
            utf8("{\"stage\":\"REHABILITATION\",\"effectiveOn\":\"2024-02-30\"}"));
    assertTrue(detailed(r).getString("detail").startsWith("effectiveOn must be a date"), r.body());
  }

  @Test
  void impossibleDateOfBirthIsRefusedNamingTheField() throws Exception {
    HttpResponse<String> r =
        postJson(
            "/api/subjects",
            utf8(
                "{\"centre\":\"AST-01\",\"sex\":\"F\",\"fullName\":\"Impossible"
                    + " Birthday\",\"dateOfBirth\":\"2024-02-30\"}"));
    JsonObject p = detailed(r);
    assertEquals("urn:zhusan:problem:invalid-date-of-birth", p.getString("type"));
    assertTrue(p.getString("detail").contains("dateOfBirth"));
  }

  @Test
  void invalidUtf8InANameIsRefusedInsteadOfReplaced() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(utf8("{\"centre\":\"AST-01\",\"sex\":\"F\",\"fullName\":\"Ay"));
    body.write(0xC3); // a lead byte followed by an ASCII byte: not UTF-8
    body.writeBytes(utf8("(sha\"}"));
    JsonObject p = detailed(postJson("/api/subjects", body.toByteArray()));
    assertTrue(p.getString("detail").contains("UTF-8"), p.toString());
    JsonObject lookup = detailed(postJson("/api/subjects/lookup", body.toByteArray()));
    assertTrue(lookup.getString("detail").contains("UTF-8"));
  }

  @Test
  void nulInsideAJsonStringIsRefusedNamingTheField() throws Exception {
    JsonObject p =
        detailed(
            postJson(
                "/api/subjects",
                utf8("{\"centre\":\"AST\\u0000-01\",\"sex\":\"F\",\"fullName\":\"Nul Centre\"}")));
    assertEquals("centre must not contain a NUL character.", p.getString("detail"));
  }

  @Test
  void traceIsRefusedWith405() throws Exception {
    HttpResponse<String> r = send("TRACE", "/api/me", LAWYER, null, null);
    assertEquals(405, r.statusCode());
    // TRACE must never echo the request (its Authorization header) back.
    assertTrue(!r.body().contains(LAWYER), "TRACE echoed the token");
  }

  @Test
  void nulInAPathIsRefusedWith400() throws Exception {
    // Refused by Grizzly's URI parser before any servlet code runs; the body is empty (see README).
    assertEquals(400, rawStatus("GET /api/subjects/%00 HTTP/1.1"));
  }

  @Test
  void controlCharacterInAPathIsRefusedWith400Problem() throws Exception {
    assertTrue(
        detailed(Http.get("/api/audit/summary/users/ab%01cd", AUDITOR))
            .getString("detail")
            .contains("path segment"));
    detailed(Http.get("/api/subjects/%1F", LAWYER));
  }

  @Test
  void invalidUtf8InAPathIsRefusedWith400() throws Exception {
    // Refused by the container's URI decoder before any servlet code runs; the body is empty (see
    // README).
    assertEquals(400, Http.get("/api/subjects/%FF", LAWYER).statusCode());
    assertEquals(400, Http.get("/api/subjects/%C3%28", LAWYER).statusCode());
  }

  @Test
  void oversizedAuthorizationHeaderIsRefusedWithA4xx() throws Exception {
    HttpResponse<String> r =
        Http.send(
            HttpRequest.newBuilder(URI.create(VaultServer.get().baseUrl() + "/api/me"))
                .header("Authorization", "Bearer " + "a".repeat(64 * 1024))
                .GET()
                .build());
    assertTrue(r.statusCode() == 400 || r.statusCode() == 431, "status " + r.statusCode());
  }

  /** Sends one raw request line (no client-side URI checks) and returns the status code. */
  static int rawStatus(String requestLine) throws IOException {
    URI base = URI.create(VaultServer.get().baseUrl());
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(30_000);
      s.getOutputStream()
          .write(
              (requestLine
                      + "\r\nHost: localhost\r\nAuthorization: Bearer "
                      + LAWYER
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String status = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    }
  }

  @Test
  void unknownSubjectIdInAPathIsAProblemNotAServerError() throws Exception {
    problem(Http.get("/api/subjects/" + UUID.randomUUID(), LAWYER), 404);
    problem(Http.get("/api/subjects/not-a-uuid", LAWYER), 404);
  }
}

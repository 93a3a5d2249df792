package org.zhusan.vault.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Tokens;

/**
 * Walks every operation of the served OpenAPI document and sends it malformed path, query and body
 * values: never a 5xx, and every error is an RFC 9457 problem. Values that are malformed as text
 * (NUL, invalid UTF-8, unknown parameters, bodies that are not a JSON object) must be a 400.
 *
 * <p>The caller holds every role, so requests get past {@code @RolesAllowed} to the parsing code.
 * State-changing operations get only values that must be refused, so the walk changes nothing.
 */
class OpenApiMalformedInputIT {
  static final String EVERY_ROLE =
      Tokens.token(
          "openapi-walker",
          List.of(
              "LAWYER",
              "PSYCHOLOGIST",
              "PSYCHIATRIST",
              "DOCTOR",
              "SOCIAL_WORKER",
              "TEACHER",
              "THEOLOGIAN",
              "NGO_PARTNER",
              "AUDITOR",
              "ADMIN"),
          List.of("AST-01"));

  /** Values malformed as text: always 400. */
  static final List<String> BROKEN_TEXT =
      List.of("%00", "a%00b", "%FF", "%C3%28", "%01", "a%1Fb", "%7F", "%E2%82");

  /**
   * In a path, these never reach the application: Grizzly's URI decoder refuses NUL and invalid
   * UTF-8 with an empty 400 before any servlet code runs (README, "Bad input").
   */
  static final List<String> REFUSED_BY_CONTAINER_IN_PATH =
      List.of("%00", "a%00b", "%FF", "%C3%28", "%E2%82");

  /**
   * Values well-formed as text but wrong for any parameter of this API: 4xx (or 2xx where
   * harmless).
   */
  static final List<String> WRONG_VALUES =
      List.of(
          "not-a-uuid",
          "-1",
          "99999999999999999999",
          "2024-02-30",
          URLEncoder.encode("'; DROP TABLE subject; --", StandardCharsets.UTF_8),
          "x".repeat(3000),
          "%20",
          "");

  static final List<String> BROKEN_BODIES =
      List.of(
          "",
          "nope",
          "[]",
          "[{}]",
          "\"text\"",
          "42",
          "null",
          "{",
          "{} {}",
          "{\"a\":}",
          "{\"a\":1,}",
          "{\"a\":\"\\u0000\"}");

  record Operation(
      String method,
      String path,
      List<String> pathParams,
      List<String> queryParams,
      boolean json,
      boolean multipart,
      JsonObject bodySchema) {
    boolean safe() {
      return method.equals("GET");
    }

    String name() {
      return method + " " + path;
    }
  }

  private final List<String> failures = new ArrayList<>();
  private int requests;
  private int refusedByContainer;

  @Test
  void everyEndpointAnswersMalformedInputWithAProblemAndNeverA5xx() throws Exception {
    List<Operation> operations = operations();
    assertTrue(
        operations.size() >= 40, "the walk must see the whole API, saw " + operations.size());
    for (Operation op : operations) {
      walk(op);
    }
    assertTrue(requests > 500, "requests sent: " + requests);
    assertTrue(
        refusedByContainer < requests / 10,
        "most refusals must come from the application: " + refusedByContainer);
    assertTrue(
        failures.isEmpty(),
        failures.size() + " of " + requests + " requests failed:\n" + String.join("\n", failures));
  }

  private void walk(Operation op) throws Exception {
    Map<String, String> fine = new LinkedHashMap<>();
    op.pathParams().forEach(p -> fine.put(p, UUID.randomUUID().toString()));
    // Malformed path values, one parameter at a time (the others a well-formed but unknown id).
    for (String p : op.pathParams()) {
      for (String v : BROKEN_TEXT) {
        if (REFUSED_BY_CONTAINER_IN_PATH.contains(v)) {
          expectContainerRefusal(op, path(op, with(fine, p, v)));
        } else {
          expect(op, with(fine, p, v), "", true);
        }
      }
      if (op.safe()) {
        for (String v : WRONG_VALUES) {
          if (!v.isEmpty() && !v.equals("%20")) {
            expect(op, with(fine, p, v), "", false);
          }
        }
      }
    }
    // Malformed query values, one parameter at a time.
    for (String q : op.queryParams()) {
      for (String v : BROKEN_TEXT) {
        expect(op, fine, "?" + q + "=" + v, true);
      }
      if (op.safe()) {
        for (String v : WRONG_VALUES) {
          expect(op, fine, "?" + q + "=" + v, false);
        }
      }
    }
    expect(op, fine, "?noSuchParameter=1", true);
    expect(op, fine, "?%FF=1", true);
    // Malformed bodies.
    if (op.json()) {
      for (String body : BROKEN_BODIES) {
        expectBody(op, fine, "application/json", body.getBytes(StandardCharsets.UTF_8));
      }
      expectBody(
          op,
          fine,
          "application/json",
          new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'});
      for (String field : op.bodySchema().keySet()) {
        for (String value : List.of("{\"x\":[1]}", "[1,2]", "\"\\u0000\"", "\"a\\u0000b\"")) {
          expectBody(
              op,
              fine,
              "application/json",
              ("{\"" + field + "\":" + value + "}").getBytes(StandardCharsets.UTF_8));
        }
      }
      expectBody(op, fine, "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    }
    if (op.multipart()) {
      expectBody(op, fine, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
      expectBody(
          op,
          fine,
          "multipart/form-data; boundary=abc",
          "--abc\r\nbroken".getBytes(StandardCharsets.UTF_8));
      expectBody(
          op, fine, "multipart/form-data", "no boundary at all".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static Map<String, String> with(Map<String, String> fine, String p, String v) {
    Map<String, String> m = new LinkedHashMap<>(fine);
    m.put(p, v);
    return m;
  }

  private static String path(Operation op, Map<String, String> values) {
    String path = op.path();
    for (var e : values.entrySet()) {
      path = path.replace("{" + e.getKey() + "}", e.getValue());
    }
    return path;
  }

  private void expect(Operation op, Map<String, String> pathValues, String query, boolean must400)
      throws Exception {
    String target = path(op, pathValues) + query;
    HttpRequest.Builder b = Http.request(target, EVERY_ROLE);
    HttpRequest.BodyPublisher none = HttpRequest.BodyPublishers.noBody();
    if (op.json()) {
      b.header("Content-Type", "application/json");
      none = HttpRequest.BodyPublishers.ofString("{}");
    }
    check(op, target, Http.send(b.method(op.method(), none).build()), must400);
  }

  private void expectContainerRefusal(Operation op, String target) throws Exception {
    requests++;
    refusedByContainer++;
    HttpResponse<String> r =
        Http.send(
            Http.request(target, EVERY_ROLE)
                .method(op.method(), HttpRequest.BodyPublishers.noBody())
                .build());
    if (r.statusCode() != 400) {
      failures.add(
          op.name() + " → " + target + ": " + r.statusCode() + " (expected the container's 400)");
    }
  }

  private void expectBody(
      Operation op, Map<String, String> pathValues, String contentType, byte[] body)
      throws Exception {
    String target = path(op, pathValues);
    HttpResponse<String> r =
        Http.send(
            Http.request(target, EVERY_ROLE)
                .header("Content-Type", contentType)
                .method(op.method(), HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    check(
        op,
        target + " body " + new String(body, StandardCharsets.UTF_8).replace("\0", "\\0"),
        r,
        true);
  }

  private void check(Operation op, String what, HttpResponse<String> r, boolean must4xx) {
    requests++;
    int status = r.statusCode();
    String label = op.name() + " → " + what + ": " + status;
    if (status >= 500) {
      failures.add(label + " " + r.body());
      return;
    }
    if (must4xx && (status < 400 || status == 404 && !r.body().contains("urn:zhusan:problem:"))) {
      failures.add(label + " (expected a refusal)");
      return;
    }
    if (status >= 400) {
      String type = r.headers().firstValue("Content-Type").orElse("");
      if (!type.startsWith("application/problem+json")) {
        failures.add(label + " content type " + type);
        return;
      }
      JsonObject p = Http.json(r);
      if (p.getInt("status", -1) != status
          || !p.getString("type", "").startsWith("urn:zhusan:problem:")
          || p.getString("detail", "").isBlank()) {
        failures.add(label + " not a complete problem: " + r.body());
      }
    }
  }

  /** The operations of the served OpenAPI document (as JSON). */
  static List<Operation> operations() throws Exception {
    HttpResponse<String> r =
        Http.send(
            Http.request("/openapi", null).header("Accept", "application/json").GET().build());
    assertEquals(200, r.statusCode(), r.body());
    JsonObject doc = Json.createReader(new StringReader(r.body())).readObject();
    JsonObject schemas =
        doc.getJsonObject("components") == null
            ? JsonValue.EMPTY_JSON_OBJECT
            : doc.getJsonObject("components").getJsonObject("schemas");
    List<Operation> out = new ArrayList<>();
    for (var path : doc.getJsonObject("paths").entrySet()) {
      for (var op : path.getValue().asJsonObject().entrySet()) {
        JsonObject o = op.getValue().asJsonObject();
        List<String> pathParams = new ArrayList<>();
        List<String> queryParams = new ArrayList<>();
        for (JsonValue p :
            o.getJsonArray("parameters") == null
                ? List.<JsonValue>of()
                : o.getJsonArray("parameters")) {
          String in = p.asJsonObject().getString("in");
          if (in.equals("path")) {
            pathParams.add(p.asJsonObject().getString("name"));
          } else if (in.equals("query")) {
            queryParams.add(p.asJsonObject().getString("name"));
          }
        }
        JsonObject content =
            o.containsKey("requestBody")
                ? o.getJsonObject("requestBody").getJsonObject("content")
                : null;
        boolean json = content != null && content.containsKey("application/json");
        boolean multipart =
            op.getKey().equals("post") && path.getKey().matches(".*/(documents|versions)$");
        JsonObject schema = JsonValue.EMPTY_JSON_OBJECT;
        if (json) {
          JsonObject s = content.getJsonObject("application/json").getJsonObject("schema");
          if (s != null && s.containsKey("$ref")) {
            s =
                schemas.getJsonObject(
                    s.getString("$ref").substring(s.getString("$ref").lastIndexOf('/') + 1));
          }
          if (s != null && s.containsKey("properties")) {
            schema = s.getJsonObject("properties");
          }
        }
        assertFalse(path.getKey().isBlank());
        out.add(
            new Operation(
                op.getKey().toUpperCase(),
                path.getKey(),
                pathParams,
                queryParams,
                json,
                multipart,
                schema));
      }
    }
    return out;
  }
}

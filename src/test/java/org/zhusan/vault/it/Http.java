package org.zhusan.vault.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny HTTP client for the integration tests. */
public final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private Http() {}

  public static HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(VaultServer.get().baseUrl() + path))
            .timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  public static HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    return send(request(path, token).GET().build());
  }

  public static HttpResponse<String> postJson(String path, String token, String json)
      throws IOException, InterruptedException {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public static HttpResponse<String> send(HttpRequest request)
      throws IOException, InterruptedException {
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  public static HttpClient client() {
    return CLIENT;
  }

  public static JsonObject json(HttpResponse<String> r) {
    try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject();
    }
  }

  /** Asserts the response is an RFC 9457 problem with the given status; returns its body. */
  public static JsonObject problem(HttpResponse<String> r, int status) {
    org.junit.jupiter.api.Assertions.assertEquals(
        status, r.statusCode(), () -> "body: " + r.body());
    org.junit.jupiter.api.Assertions.assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
        () -> "content type: " + r.headers().firstValue("Content-Type"));
    JsonObject body = json(r);
    org.junit.jupiter.api.Assertions.assertEquals(status, body.getInt("status"));
    org.junit.jupiter.api.Assertions.assertTrue(
        body.getString("type").startsWith("urn:zhusan:problem:"));
    return body;
  }
}

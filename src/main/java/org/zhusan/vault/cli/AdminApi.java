package org.zhusan.vault.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The running vault's admin API as the CLI's admin commands reach it: the {@code --url} and {@code
 * --token} options they share (a picocli mixin) and JSON requests with the bearer token.
 */
public class AdminApi {
  @Option(
      names = "--url",
      defaultValue = "${env:VAULT_URL:-http://localhost:8080}",
      description = "Vault base URL (default ${DEFAULT-VALUE}).")
  String url;

  @Option(
      names = "--token",
      defaultValue = "${env:VAULT_TOKEN}",
      description = "ADMIN bearer token (or VAULT_TOKEN).")
  String token;

  private final HttpClient http = HttpClient.newHttpClient();

  /** Whether a token was given; if not, says so on standard error. */
  boolean hasToken() {
    if (token == null || token.isBlank()) {
      System.err.println("An ADMIN token is required (--token or VAULT_TOKEN).");
      return false;
    }
    return true;
  }

  JsonObject get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
  }

  JsonObject post(String path) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(url + path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private JsonObject send(HttpRequest.Builder b) throws Exception {
    HttpResponse<String> r =
        http.send(
            b.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("vault answered " + r.statusCode() + ": " + r.body());
    }
    try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject();
    }
  }
}

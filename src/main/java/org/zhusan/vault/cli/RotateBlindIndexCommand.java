package org.zhusan.vault.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts a blind-index key rotation on a running vault and follows it to the end: the server
 * re-keys the subjects' name and IIN indexes and re-indexes the documents under the keystore's
 * primary blind-index key (add {@code blind-index-vN} to the keystore and run with {@code --reload}
 * first). Then prints, per key version, what still depends on it. Needs an ADMIN token.
 */
@Command(name = "rotate-blind-index", mixinStandardHelpOptions = true,
    description = "Re-key subject indexes and search tokens under the primary blind-index key on a running vault (ADMIN token).")
public class RotateBlindIndexCommand implements Callable<Integer> {
  @Option(names = "--url", defaultValue = "${env:VAULT_URL:-http://localhost:8080}", description = "Vault base URL (default ${DEFAULT-VALUE}).")
  String url;

  @Option(names = "--token", defaultValue = "${env:VAULT_TOKEN}", description = "ADMIN bearer token (or VAULT_TOKEN).")
  String token;

  @Option(names = "--reload", description = "Re-read the keystore first (after adding a blind-index key version).")
  boolean reload;

  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  public Integer call() throws Exception {
    if (token == null || token.isBlank()) {
      System.err.println("An ADMIN token is required (--token or VAULT_TOKEN).");
      return 2;
    }
    if (reload) {
      post("/api/admin/keys/reload");
      System.out.println("Keystore reloaded: blind-index key versions " + get("/api/admin/keys/blind-index").getJsonArray("loadedVersions"));
    }
    JsonObject run = post("/api/admin/keys/blind-index/rotate");
    String id = run.getString("id");
    System.out.println("Blind-index rotation " + id + " started: target blind-index-v" + run.getInt("targetVersion"));
    while (true) {
      Thread.sleep(2000);
      JsonObject status = get("/api/admin/keys/blind-index");
      JsonObject r = status.getJsonObject("rotation");
      if (r == null || !id.equals(r.getString("id"))) {
        System.err.println("The run is no longer reported (server restarted?); start again to resume.");
        return 1;
      }
      JsonValue reindex = status.get("reindex");
      String documents = reindex instanceof JsonObject o && id.equals(r.getString("reindexRunId", null))
          ? o.getJsonNumber("processed") + " document versions re-indexed" : r.getJsonNumber("documentVersions") + " document versions";
      System.out.println("  " + r.getString("state") + " (" + r.getString("phase") + "): " + r.getJsonNumber("subjectsRekeyed") + "/"
          + r.getJsonNumber("subjectsToDo") + " subjects, " + documents);
      if (!"RUNNING".equals(r.getString("state"))) {
        for (JsonObject v : status.getJsonArray("versions").getValuesAs(JsonObject.class)) {
          System.out.println("  blind-index-v" + v.getInt("version") + (v.getBoolean("primary") ? " (primary)" : "") + ": "
              + v.getJsonNumber("subjects") + " subjects, " + v.getJsonNumber("indexedDocumentVersions") + " document versions, "
              + v.getJsonNumber("recordedQueries") + " recorded queries" + (v.getBoolean("removable") ? " - may be removed" : ""));
        }
        return "DONE".equals(r.getString("state")) ? 0 : 1;
      }
    }
  }

  private JsonObject get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
  }

  private JsonObject post(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url + path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private JsonObject send(HttpRequest.Builder b) throws Exception {
    HttpResponse<String> r = http.send(b.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("vault answered " + r.statusCode() + ": " + r.body());
    }
    try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readObject();
    }
  }
}

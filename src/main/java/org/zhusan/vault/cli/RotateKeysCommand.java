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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Starts a KEK rotation on a running vault and follows it to the end: the server rewraps every data
 * key under the keystore's primary KEK (add the new {@code kek-vN} to the keystore and run with
 * {@code --reload} first). Needs an ADMIN token.
 */
@Command(name = "rotate-keys", mixinStandardHelpOptions = true,
    description = "Rewrap every data key under the primary KEK on a running vault (ADMIN token).")
public class RotateKeysCommand implements Callable<Integer> {
  @Option(names = "--url", defaultValue = "${env:VAULT_URL:-http://localhost:8080}", description = "Vault base URL (default ${DEFAULT-VALUE}).")
  String url;

  @Option(names = "--token", defaultValue = "${env:VAULT_TOKEN}", description = "ADMIN bearer token (or VAULT_TOKEN).")
  String token;

  @Option(names = "--reload", description = "Re-read the keystore first (after adding a KEK version).")
  boolean reload;

  @Option(names = "--retire", description = "Afterwards, retire every KEK version no data key uses any more.")
  boolean retire;

  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  public Integer call() throws Exception {
    if (token == null || token.isBlank()) {
      System.err.println("An ADMIN token is required (--token or VAULT_TOKEN).");
      return 2;
    }
    if (reload) {
      JsonObject keys = post("/api/admin/keys/reload");
      System.out.println("Keystore reloaded: " + keys.getJsonArray("versions"));
    }
    JsonObject run = post("/api/admin/keys/rotate");
    long id = run.getJsonNumber("id").longValue();
    System.out.println("Rotation " + id + " started: target KEK v" + run.getInt("targetVersion"));
    while (true) {
      Thread.sleep(1000);
      JsonObject status = get("/api/admin/keys");
      for (JsonObject r : status.getJsonArray("rotations").getValuesAs(JsonObject.class)) {
        if (r.getJsonNumber("id").longValue() == id) {
          System.out.println("  " + r.getString("state") + ": " + r.getJsonNumber("rewrapped") + " data keys rewrapped");
          if (!"RUNNING".equals(r.getString("state"))) {
            if (retire && "DONE".equals(r.getString("state"))) {
              retireUnused(status);
            }
            return "DONE".equals(r.getString("state")) ? 0 : 1;
          }
        }
      }
    }
  }

  private void retireUnused(JsonObject status) throws Exception {
    for (JsonObject v : get("/api/admin/keys").getJsonArray("versions").getValuesAs(JsonObject.class)) {
      if (!v.getBoolean("primary") && "ACTIVE".equals(v.getString("state")) && v.getJsonNumber("liveDataKeys").longValue() == 0) {
        post("/api/admin/keys/" + v.getInt("version") + "/retire");
        System.out.println("Retired KEK v" + v.getInt("version") + " (remove it from the keystore when convenient)");
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

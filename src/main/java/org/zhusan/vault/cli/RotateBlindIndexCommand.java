package org.zhusan.vault.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Starts a blind-index key rotation on a running vault and follows it to the end: the server
 * re-keys the subjects' name and IIN indexes and re-indexes the documents under the keystore's
 * primary blind-index key (add {@code blind-index-vN} to the keystore and run with {@code --reload}
 * first). Then prints, per key version, what still depends on it. Needs an ADMIN token.
 */
@Command(
    name = "rotate-blind-index",
    mixinStandardHelpOptions = true,
    description =
        "Re-key subject indexes and search tokens under the primary blind-index key on a running"
            + " vault (ADMIN token).")
public class RotateBlindIndexCommand implements Callable<Integer> {
  @Mixin AdminApi vault;

  @Option(
      names = "--reload",
      description = "Re-read the keystore first (after adding a blind-index key version).")
  boolean reload;

  @Override
  public Integer call() throws Exception {
    if (!vault.hasToken()) {
      return 2;
    }
    if (reload) {
      vault.post("/api/admin/keys/reload");
      System.out.println(
          "Keystore reloaded: blind-index key versions "
              + vault.get("/api/admin/keys/blind-index").getJsonArray("loadedVersions"));
    }
    JsonObject run = vault.post("/api/admin/keys/blind-index/rotate");
    String id = run.getString("id");
    System.out.println(
        "Blind-index rotation "
            + id
            + " started: target blind-index-v"
            + run.getInt("targetVersion"));
    while (true) {
      Thread.sleep(2000);
      JsonObject status = vault.get("/api/admin/keys/blind-index");
      JsonObject r = status.getJsonObject("rotation");
      if (r == null || !id.equals(r.getString("id"))) {
        System.err.println(
            "The run is no longer reported (server restarted?); start again to resume.");
        return 1;
      }
      JsonValue reindex = status.get("reindex");
      String documents =
          reindex instanceof JsonObject o
                  && o.getString("id").equals(r.getString("reindexRunId", null))
              ? o.getJsonNumber("processed")
                  + "/"
                  + o.getJsonNumber("total")
                  + " document versions re-indexed"
              : r.getJsonNumber("documentVersions") + " document versions";
      System.out.println(
          "  "
              + r.getString("state")
              + " ("
              + r.getString("phase")
              + "): "
              + r.getJsonNumber("subjectsRekeyed")
              + "/"
              + r.getJsonNumber("subjectsToDo")
              + " subjects"
              + (r.getJsonNumber("subjectsFailed").longValue() > 0
                  ? " ("
                      + r.getJsonNumber("subjectsFailed")
                      + " could not be re-keyed, see the server log)"
                  : "")
              + ", "
              + documents);
      if (!"RUNNING".equals(r.getString("state"))) {
        for (JsonObject v : status.getJsonArray("versions").getValuesAs(JsonObject.class)) {
          System.out.println(
              "  blind-index-v"
                  + v.getInt("version")
                  + (v.getBoolean("primary") ? " (primary)" : "")
                  + ": "
                  + v.getJsonNumber("subjects")
                  + " subjects, "
                  + v.getJsonNumber("indexedDocumentVersions")
                  + " document versions, "
                  + v.getJsonNumber("recordedQueries")
                  + " recorded queries"
                  + (v.getBoolean("removable") ? " - may be removed" : ""));
        }
        return "DONE".equals(r.getString("state")) ? 0 : 1;
      }
    }
  }
}

package org.zhusan.vault.cli;

import jakarta.json.JsonObject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Starts a KEK rotation on a running vault and follows it to the end: the server rewraps every data
 * key under the keystore's primary KEK (add the new {@code kek-vN} to the keystore and run with
 * {@code --reload} first). Needs an ADMIN token.
 */
@Command(
    name = "rotate-keys",
    mixinStandardHelpOptions = true,
    description = "Rewrap every data key under the primary KEK on a running vault (ADMIN token).")
public class RotateKeysCommand implements Callable<Integer> {
  @Mixin AdminApi vault;

  @Option(
      names = "--reload",
      description = "Re-read the keystore first (after adding a KEK version).")
  boolean reload;

  @Option(
      names = "--retire",
      description = "Afterwards, retire every KEK version no data key uses any more.")
  boolean retire;

  @Override
  public Integer call() throws Exception {
    if (!vault.hasToken()) {
      return 2;
    }
    if (reload) {
      JsonObject keys = vault.post("/api/admin/keys/reload");
      System.out.println("Keystore reloaded: " + keys.getJsonArray("versions"));
    }
    JsonObject run = vault.post("/api/admin/keys/rotate");
    long id = run.getJsonNumber("id").longValue();
    System.out.println("Rotation " + id + " started: target KEK v" + run.getInt("targetVersion"));
    while (true) {
      Thread.sleep(1000);
      JsonObject status = vault.get("/api/admin/keys");
      for (JsonObject r : status.getJsonArray("rotations").getValuesAs(JsonObject.class)) {
        if (r.getJsonNumber("id").longValue() == id) {
          System.out.println(
              "  "
                  + r.getString("state")
                  + ": "
                  + r.getJsonNumber("rewrapped")
                  + " data keys rewrapped");
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
    for (JsonObject v :
        vault.get("/api/admin/keys").getJsonArray("versions").getValuesAs(JsonObject.class)) {
      if (!v.getBoolean("primary")
          && "ACTIVE".equals(v.getString("state"))
          && v.getJsonNumber("liveDataKeys").longValue() == 0) {
        vault.post("/api/admin/keys/" + v.getInt("version") + "/retire");
        System.out.println(
            "Retired KEK v"
                + v.getInt("version")
                + " (remove it from the keystore when convenient)");
      }
    }
  }
}

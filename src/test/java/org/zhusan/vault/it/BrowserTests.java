package org.zhusan.vault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs browser test files of the web app (src/main/ui, Node's test runner driving Debian's headless
 * Chromium through playwright-core) against a running vault, streaming their output; fails on a
 * non-zero exit. Screenshots land in target/webapp-screenshots.
 */
public final class BrowserTests {
  private BrowserTests() {}

  public static String chromium() {
    return System.getProperty("webapp.chromium", "/usr/bin/chromium");
  }

  public static boolean chromiumInstalled() {
    return Files.isExecutable(Path.of(chromium()));
  }

  /**
   * Runs {@code files} (relative to src/main/ui) against the vault at {@code vaultUrl}, with extra
   * environment.
   */
  public static void run(String vaultUrl, Map<String, String> env, String... files)
      throws Exception {
    Path ui = VaultServer.repoRoot().resolve("src/main/ui");
    List<String> cmd =
        new ArrayList<>(List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec"));
    cmd.addAll(List.of(files));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ui.toFile()).redirectErrorStream(true);
    pb.environment().put("VAULT_URL", vaultUrl);
    pb.environment()
        .put(
            "SCREENSHOT_DIR",
            VaultServer.repoRoot().resolve("target/webapp-screenshots").toString());
    pb.environment().put("CHROMIUM", chromium());
    pb.environment().putAll(env);
    Process p = pb.start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        System.out.println("[browser] " + line);
      }
    }
    if (!p.waitFor(20, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("browser tests did not finish in 20 minutes");
    }
    assertEquals(
        0,
        p.exitValue(),
        "browser tests failed (output above, screenshots in target/webapp-screenshots)");
  }
}

package org.zhusan.vault.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.zhusan.vault.it.VaultServer;

/**
 * The staff web app's end-to-end journeys (src/main/ui/e2e, Node's test runner driving Debian's
 * headless Chromium through playwright-core) against the shared test vault on the real PostgreSQL.
 * Screenshots and the measured budgets land in target/webapp-screenshots.
 */
class WebAppJourneysIT {

  static boolean chromiumInstalled() {
    return Files.isExecutable(Path.of(System.getProperty("webapp.chromium", "/usr/bin/chromium")));
  }

  @Test
  @EnabledIf("chromiumInstalled")
  void journeysInHeadlessChromium() throws Exception {
    runNodeTests("e2e/journeys.test.mjs", "e2e/perf.test.mjs");
  }

  static void runNodeTests(String... files) throws Exception {
    Path ui = VaultServer.repoRoot().resolve("src/main/ui");
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("node", "--test", "--test-concurrency=1", "--test-reporter=spec"));
    cmd.addAll(java.util.List.of(files));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ui.toFile()).redirectErrorStream(true);
    pb.environment().put("VAULT_URL", VaultServer.get().baseUrl());
    pb.environment().put("SCREENSHOT_DIR", VaultServer.repoRoot().resolve("target/webapp-screenshots").toString());
    pb.environment().put("CHROMIUM", System.getProperty("webapp.chromium", "/usr/bin/chromium"));
    Process p = pb.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        System.out.println("[webapp] " + line);
      }
    }
    if (!p.waitFor(20, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("browser journeys did not finish in 20 minutes");
    }
    assertEquals(0, p.exitValue(), "browser journeys failed (output above, screenshots in target/webapp-screenshots)");
  }
}

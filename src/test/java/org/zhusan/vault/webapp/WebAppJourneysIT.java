package org.zhusan.vault.webapp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.BrowserTests;
import org.zhusan.vault.it.VaultServer;

/**
 * The staff web app's end-to-end journeys (src/main/ui/e2e, Node's test runner driving Debian's
 * headless Chromium through playwright-core) against the shared test vault on the real PostgreSQL.
 * Screenshots land in target/webapp-screenshots. The subject-page timing is a benchmark
 * (src/main/ui/bench), not part of the suite.
 */
class WebAppJourneysIT {

  @Test
  void journeysInHeadlessChromium() throws Exception {
    // Not skipped when Chromium is missing: a suite that silently drops its browser tests proves nothing.
    assertTrue(BrowserTests.chromiumInstalled(), "headless Chromium is needed at " + BrowserTests.chromium()
        + " (apt-get install chromium; .ci/run does it)");
    BrowserTests.run(VaultServer.get().baseUrl(), Map.of(), "e2e/journeys.test.mjs", "e2e/auditor.test.mjs");
  }
}

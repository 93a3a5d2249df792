package org.zhusan.vault.webapp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.BrowserTests;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * The staff web app's end-to-end journeys (src/main/ui/e2e, Node's test runner driving Debian's
 * headless Chromium through playwright-core) against the shared test vault on the real PostgreSQL.
 * Screenshots land in target/webapp-screenshots. The subject-page timing is a benchmark
 * (src/main/ui/bench), not part of the suite.
 */
class WebAppJourneysIT {
  /** Data keys the administrator's journey rotates at least. */
  static final int ROTATION_KEYS = 2000;

  @Test
  void journeysInHeadlessChromium() throws Exception {
    // Not skipped when Chromium is missing: a suite that silently drops its browser tests proves
    // nothing.
    assertTrue(
        BrowserTests.chromiumInstalled(),
        "headless Chromium is needed at "
            + BrowserTests.chromium()
            + " (apt-get install chromium; .ci/run does it)");
    int kek = prepareKekRotation();
    // The auditor journey alters one access-log row as the database owner (and puts it back) to see
    // "verify now" name it; psql reaches the test database as its owner.
    String ownerDb =
        VaultServer.get()
            .jdbcUrl()
            .replace("jdbc:postgresql://", "postgresql://" + VaultServer.OWNER + "@");
    BrowserTests.run(
        VaultServer.get().baseUrl(),
        Map.of(
            "VAULT_IT_OWNER_DB",
            ownerDb,
            "VAULT_IT_ROTATION_KEYS",
            Integer.toString(ROTATION_KEYS),
            "VAULT_IT_NEW_KEK",
            Integer.toString(kek)),
        "e2e/journeys.test.mjs",
        "e2e/auditor.test.mjs",
        "e2e/records.test.mjs",
        "e2e/disclosure.test.mjs",
        "e2e/reports.test.mjs");
  }

  /**
   * Makes the administrator's KEK rotation a real one: at least {@link #ROTATION_KEYS} live data
   * keys (people registered through the API in a centre no journey looks at) and a new KEK version
   * in the keystore the server reads, which becomes primary when the journey reloads the keystore.
   */
  private static int prepareKekRotation() throws Exception {
    long live;
    try (Connection c = VaultServer.get().ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM data_key WHERE wrapped IS NOT NULL")) {
      rs.next();
      live = rs.getLong(1);
    }
    String token = Tokens.token("rotation-setup", "SOCIAL_WORKER", "EKZ-01");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> created = new ArrayList<>();
      for (long i = live; i < ROTATION_KEYS + 10; i++) {
        long n = i;
        created.add(
            pool.submit(() -> Subjects.create(token, "EKZ-01", "Rotation Person " + n, null)));
      }
      for (Future<?> f : created) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    char[] password = "development-only".toCharArray();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(VaultServer.keystore())) {
      ks.load(in, password);
    }
    int next = 1;
    while (ks.containsAlias("kek-v" + next)) {
      next++;
    }
    KeyGenerator gen = KeyGenerator.getInstance("AES");
    gen.init(256);
    ks.setEntry(
        "kek-v" + next,
        new KeyStore.SecretKeyEntry(gen.generateKey()),
        new KeyStore.PasswordProtection(password));
    try (OutputStream out = Files.newOutputStream(VaultServer.keystore())) {
      ks.store(out, password);
    }
    return next;
  }
}

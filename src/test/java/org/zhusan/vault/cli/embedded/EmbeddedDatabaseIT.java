package org.zhusan.vault.cli.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.TestFiles;
import org.zhusan.vault.it.VaultServer;

/**
 * The embedded database exactly as {@code run} starts it (same entry point, random free port, data
 * under target/): durable settings, passwords for every role, loopback only, an owner-only password
 * file, and acknowledged commits that survive a kill -9 of every PostgreSQL process.
 */
class EmbeddedDatabaseIT {
  private static final Path ROOT =
      Path.of(System.getProperty("vault.repo.root", "."))
          .toAbsolutePath()
          .resolve("target/embedded-db-it");
  private static Path data;
  private static EmbeddedDatabase db;

  @BeforeAll
  static void start() throws Exception {
    TestFiles.deleteRecursively(ROOT);
    data = ROOT.resolve("data");
    db = EmbeddedDatabase.start(data, VaultServer.freePort());
  }

  @AfterAll
  static void stop() throws IOException {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void durableAndLoopbackOnlySettingsAsTheServerReportsThem() throws Exception {
    Map<String, String> settings = new HashMap<>();
    try (Connection c = db.connectAsSuperuser();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name, setting FROM pg_settings WHERE name IN ('fsync',"
                    + " 'synchronous_commit', 'full_page_writes', 'listen_addresses',"
                    + " 'password_encryption', 'unix_socket_directories', 'wal_level')")) {
      while (rs.next()) {
        settings.put(rs.getString(1), rs.getString(2));
      }
    }
    assertEquals("on", settings.get("fsync"));
    assertEquals("on", settings.get("synchronous_commit"));
    assertEquals("on", settings.get("full_page_writes"));
    assertEquals("127.0.0.1", settings.get("listen_addresses"));
    assertEquals("scram-sha-256", settings.get("password_encryption"));
    assertEquals("", settings.get("unix_socket_directories"), "no Unix socket");
    assertEquals("replica", settings.get("wal_level"), "online backups need it");
  }

  @Test
  void everyAuthenticationRuleAsksForAScramPassword() throws Exception {
    try (Connection c = db.connectAsSuperuser();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT auth_method FROM pg_hba_file_rules")) {
      List<String> methods = new java.util.ArrayList<>();
      while (rs.next()) {
        methods.add(rs.getString(1));
      }
      assertEquals(List.of("scram-sha-256"), methods);
    }
    // Every role's stored password is a SCRAM verifier, never MD5 or plain.
    try (Connection c = db.connectAsSuperuser();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT rolname, rolpassword FROM pg_authid WHERE rolname IN ('postgres',"
                    + " 'vault_owner', 'vault_app')")) {
      int n = 0;
      while (rs.next()) {
        n++;
        assertTrue(
            rs.getString(2) != null && rs.getString(2).startsWith("SCRAM-SHA-256$"),
            rs.getString(1));
      }
      assertEquals(3, n);
    }
  }

  @Test
  void aConnectionWithoutThePasswordOrWithAWrongOneIsRefusedForEveryRole() throws Exception {
    for (String role :
        List.of(EmbeddedDatabase.SUPERUSER, EmbeddedDatabase.OWNER, EmbeddedDatabase.APP)) {
      String database =
          role.equals(EmbeddedDatabase.SUPERUSER) ? "postgres" : EmbeddedDatabase.DATABASE;
      Properties none = new Properties();
      none.setProperty("user", role);
      assertThrows(
          SQLException.class,
          () -> DriverManager.getConnection(db.jdbcUrl(database), none).close(),
          role + " without password");
      SQLException wrong =
          assertThrows(
              SQLException.class, () -> db.connect(role, "not-the-password", database).close());
      assertEquals(
          "28P01", wrong.getSQLState(), role + ": " + wrong.getMessage()); // invalid_password
    }
    // ... while the right password gets in, so the refusals above are about the password.
    try (Connection owner = db.connectAsOwner();
        Connection app = db.connectAsApp()) {
      assertTrue(owner.isValid(5) && app.isValid(5));
    }
  }

  @Test
  void thePasswordFileIsReadableByItsOwnerOnlyAndHoldsThreeDistinctPasswords() throws Exception {
    Path file = DatabaseCredentials.file(data);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    DatabaseCredentials c = DatabaseCredentials.load(data);
    assertTrue(c.superuser().length() >= 40);
    assertNotEquals(c.superuser(), c.owner());
    assertNotEquals(c.owner(), c.app());
    assertFalse(Files.exists(data.resolve("initdb-pwfile")), "initdb's password file is removed");
    // Nobody else reaches the cluster, the password file or the binaries (which the library leaves
    // world-writable).
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
  }

  @Test
  void aSecondStartOnADataDirectoryInUseIsRefusedWithTheReason() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> EmbeddedDatabase.start(data, 0));
    assertTrue(e.getMessage().contains("already running"), e.getMessage());
  }

  @Test
  void theVaultRolesAreNeitherSuperusersNorRoleOrDatabaseCreators() throws Exception {
    try (Connection c = db.connectAsSuperuser();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT rolname, rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR"
                    + " rolbypassrls FROM pg_roles WHERE rolname IN ('vault_owner',"
                    + " 'vault_app')")) {
      int n = 0;
      while (rs.next()) {
        n++;
        assertFalse(rs.getBoolean(2), rs.getString(1));
      }
      assertEquals(2, n);
    }
    try (Connection c = db.connectAsSuperuser();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'vault'")) {
      assertTrue(rs.next());
      assertEquals(EmbeddedDatabase.OWNER, rs.getString(1));
    }
  }

  /**
   * Acknowledged commits survive kill -9 of every PostgreSQL process (with the library's {@code
   * synchronous_commit=off} the last ones were lost: WAL still in shared memory), and the restart
   * reuses the cluster and its passwords.
   */
  @Test
  void acknowledgedCommitsSurviveKillingEveryPostgresProcessAndTheRestartReusesThePasswords()
      throws Exception {
    Path crashData = ROOT.resolve("crash");
    EmbeddedDatabase first = EmbeddedDatabase.start(crashData, VaultServer.freePort());
    String credentialsBefore = Files.readString(DatabaseCredentials.file(crashData));
    int rows = 100;
    try (Connection c = first.connectAsOwner();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE acknowledged (id int PRIMARY KEY)");
      for (int i = 1; i <= rows; i++) {
        s.execute(
            "INSERT INTO acknowledged VALUES (" + i + ")"); // autocommit: each one acknowledged
      }
      killEveryPostgresProcess(first.postmasterPid());
    }
    first.close(); // releases the library's lock; the server is already gone
    EmbeddedDatabase again = EmbeddedDatabase.start(crashData, VaultServer.freePort());
    try (Connection c = again.connectAsOwner();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), max(id) FROM acknowledged")) {
      assertTrue(rs.next());
      assertEquals(rows, rs.getInt(1), "acknowledged rows after the crash");
      assertEquals(rows, rs.getInt(2));
    } finally {
      again.close();
    }
    assertEquals(
        credentialsBefore,
        Files.readString(DatabaseCredentials.file(crashData)),
        "passwords reused");
  }

  /**
   * A cluster made by the earlier launcher (the library's defaults: trust for everyone, no
   * passwords) is closed on its next start: passwords set, SCRAM rules, the password-less login
   * refused.
   */
  @Test
  void aClusterFromTheEarlierTrustSetupGetsPasswordsOnItsNextStart() throws Exception {
    Path legacyData = ROOT.resolve("legacy");
    Path pgData = EmbeddedDatabase.clusterDir(legacyData);
    Files.createDirectories(pgData);
    int port = VaultServer.freePort();
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres old =
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(legacyData.resolve("postgres-runtime").toFile())
            .setPort(port)
            .start();
    try (Connection c = old.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE vault_owner LOGIN"); // as the earlier launcher did
    }
    old.close();
    assertTrue(TrustUpgrade.trusts(pgData), "the library's initdb writes trust rules");

    EmbeddedDatabase upgraded = EmbeddedDatabase.start(legacyData, port);
    try (Connection c = upgraded.connectAsSuperuser();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT auth_method FROM pg_hba_file_rules")) {
      assertTrue(rs.next());
      assertEquals("scram-sha-256", rs.getString(1));
      assertFalse(rs.next());
      Properties none = new Properties();
      none.setProperty("user", EmbeddedDatabase.SUPERUSER);
      assertThrows(
          SQLException.class,
          () -> DriverManager.getConnection(upgraded.jdbcUrl("postgres"), none).close());
      SQLException wrong =
          assertThrows(
              SQLException.class,
              () ->
                  upgraded
                      .connect(EmbeddedDatabase.OWNER, "wrong", EmbeddedDatabase.DATABASE)
                      .close());
      assertEquals("28P01", wrong.getSQLState());
      assertTrue(upgraded.connectAsOwner().isValid(5));
    } finally {
      upgraded.close();
    }
  }

  /**
   * A backup taken while rows are being committed restores to a consistent state: every row
   * acknowledged before the backup began is there, and no row is torn or missing in between (the
   * ids were committed in order, so the restored ones have no gap). The running server is found
   * through its postmaster.pid, as {@code backup} finds the one a running vault started.
   */
  @Test
  void aBackupTakenDuringCommitsRestoresConsistentWithEveryEarlierCommit() throws Exception {
    try (Connection c = db.connectAsOwner();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE during_backup (id int PRIMARY KEY, filler text NOT NULL)");
    }
    java.util.concurrent.atomic.AtomicInteger acknowledged =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean stop =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread writer =
        new Thread(
            () -> {
              try (Connection c = db.connectAsOwner();
                  Statement s = c.createStatement()) {
                for (int i = 1; !stop.get(); i++) {
                  s.execute("INSERT INTO during_backup VALUES (" + i + ", repeat('x', 2000))");
                  acknowledged.set(i);
                }
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    writer.start();
    while (acknowledged.get() < 50) {
      Thread.sleep(10);
    }
    int beforeBackup = acknowledged.get();
    Path backup = ROOT.resolve("during.zip");
    ClusterBackup.Result r;
    try {
      r = ClusterBackup.write(data, backup, 0);
    } finally {
      stop.set(true);
      writer.join();
    }
    assertTrue(acknowledged.get() > beforeBackup, "rows were committed while the backup ran");

    ClusterRestore.restore(backup, ROOT.resolve("restored"), 0);
    try (EmbeddedDatabase restored =
            EmbeddedDatabase.start(ROOT.resolve("restored"), VaultServer.freePort());
        Connection c = restored.connectAsOwner();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), min(id), max(id) FROM during_backup")) {
      assertTrue(rs.next());
      int count = rs.getInt(1);
      assertTrue(
          count >= beforeBackup,
          count + " rows restored, " + beforeBackup + " acknowledged before the backup");
      assertEquals(1, rs.getInt(2));
      assertEquals(count, rs.getInt(3), "no gap");
    }
    assertTrue(r.walSegments() >= 1);
  }

  /**
   * SIGKILL to the children first (the WAL writer among them), then the postmaster: nothing gets to
   * flush.
   */
  static void killEveryPostgresProcess(long postmasterPid) throws Exception {
    ProcessHandle postmaster = ProcessHandle.of(postmasterPid).orElseThrow();
    List<ProcessHandle> children = postmaster.descendants().toList();
    assertFalse(children.isEmpty(), "postgres runs background processes");
    children.forEach(ProcessHandle::destroyForcibly);
    postmaster.destroyForcibly();
    postmaster.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    for (ProcessHandle child : children) {
      child.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
  }
}

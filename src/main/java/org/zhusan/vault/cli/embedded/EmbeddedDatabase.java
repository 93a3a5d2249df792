package org.zhusan.vault.cli.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.PGConnection;

/**
 * A real PostgreSQL started from the embedded binaries, its data kept under {@code <data>/postgres}
 * so a second start reuses it, configured as durably as a packaged PostgreSQL (the library's own
 * defaults are test settings: {@code -F}, i.e. fsync off, and {@code synchronous_commit=off}, which
 * lose acknowledged commits on a crash) and closed to anyone without a password: SCRAM-SHA-256 for
 * every role, loopback TCP only, no Unix socket. Creates the schema owner, the application role and
 * the database on first start; the vault then connects exactly as to an external PostgreSQL.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  public static final String DATABASE = "vault";
  public static final String SUPERUSER = "postgres";
  public static final String OWNER = "vault_owner";
  public static final String APP = "vault_app";

  /**
   * Loopback only: the vault runs on the same machine. An address, not "localhost", which a hosts
   * file may redefine.
   */
  public static final String LISTEN_ADDRESS = "127.0.0.1";

  /**
   * Server settings given on every start (command line, so they win over postgresql.conf). Each
   * repeats PostgreSQL's own packaged default, overriding the embedded library's test defaults.
   */
  static final Map<String, String> DURABLE_SETTINGS =
      orderedMap(
          "fsync", "on",
          "full_page_writes", "on",
          "synchronous_commit", "on",
          // Online physical backups (ClusterBackup) need WAL at replica level and a temporary slot.
          "wal_level", "replica",
          "listen_addresses", LISTEN_ADDRESS,
          // No Unix socket: it would sit in /tmp; TCP on loopback is the only way in.
          "unix_socket_directories", "''",
          "password_encryption", "scram-sha-256");

  /**
   * How long a clean stop may take before we stop waiting (a shutdown checkpoint with fsync on).
   */
  private static final Duration STOP_WAIT = Duration.ofSeconds(60);

  /** Start-up includes crash recovery after a kill or a restored backup: give it time. */
  private static final Duration START_WAIT = Duration.ofMinutes(5);

  private final EmbeddedPostgres postgres;
  private final Path pgData;
  private final DatabaseCredentials credentials;

  private EmbeddedDatabase(
      EmbeddedPostgres postgres, Path pgData, DatabaseCredentials credentials) {
    this.postgres = postgres;
    this.pgData = pgData;
    this.credentials = credentials;
  }

  public static Path clusterDir(Path dataDir) {
    return dataDir.resolve("postgres");
  }

  /**
   * Starts the cluster under {@code <dataDir>/postgres} on {@code port}, creating it (and its
   * passwords) on first start. A cluster created by an earlier version with trust authentication is
   * given passwords and SCRAM on the way.
   */
  public static EmbeddedDatabase start(Path dataDir, int port) throws IOException, SQLException {
    Path pgData = clusterDir(dataDir);
    Optional<PostmasterPid> running = PostmasterPid.read(pgData).filter(PostmasterPid::alive);
    if (running.isPresent()) {
      throw new IllegalStateException(
          "The database under "
              + pgData
              + " is already running (process "
              + running.get().pid()
              + ", port "
              + running.get().port()
              + "): is a vault already running on "
              + dataDir
              + "?");
    }
    // Owner-only: the library makes its binaries' directory (postgres-runtime) world-writable on
    // every start, so another local user could swap the binaries we run; nobody else may reach it.
    Files.createDirectories(dataDir);
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
    boolean exists = Files.exists(pgData.resolve("PG_VERSION"));
    DatabaseCredentials credentials;
    if (DatabaseCredentials.exist(dataDir)) {
      credentials = DatabaseCredentials.load(dataDir);
    } else if (exists && !TrustUpgrade.trusts(pgData)) {
      throw new IllegalStateException(
          "The database under "
              + pgData
              + " needs passwords, but "
              + DatabaseCredentials.file(dataDir)
              + " is missing. Put it back (it is in every backup).");
    } else {
      credentials = DatabaseCredentials.generate();
      credentials.store(dataDir);
      System.out.println(
          "Generated the database passwords into "
              + DatabaseCredentials.file(dataDir)
              + " (owner-only; every backup holds it).");
    }
    Files.createDirectories(pgData);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(dataDir.resolve("postgres-runtime").toFile())
            .setPort(port)
            .setPGStartupWait(START_WAIT)
            // The library checks readiness by logging in as the superuser.
            .setConnectConfig("password", credentials.superuser());
    DURABLE_SETTINGS.forEach(builder::setServerConfig);
    Path pwfile = null;
    if (!exists) {
      // initdb's own switches (the library passes these "locale" settings to initdb as
      // --key=value):
      // SCRAM for local and host lines from the first moment, superuser password from a 0600 file.
      pwfile = credentials.writeSuperuserPasswordFile(dataDir);
      builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwfile.toString());
    }
    EmbeddedPostgres pg;
    try {
      pg = builder.start();
    } finally {
      if (pwfile != null) {
        Files.deleteIfExists(pwfile);
      }
    }
    EmbeddedDatabase db = new EmbeddedDatabase(pg, pgData, credentials);
    try {
      db.prepare();
    } catch (SQLException | IOException | RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  private void prepare() throws SQLException, IOException {
    try (Connection c = connect(SUPERUSER, credentials.superuser(), "postgres");
        Statement s = c.createStatement()) {
      if (TrustUpgrade.trusts(pgData)) {
        TrustUpgrade.apply(c, pgData, credentials.superuser());
      }
      createRoleIfMissing(s, OWNER);
      createRoleIfMissing(s, APP);
      // Every start: the file is the one source of truth for the passwords. The SCRAM verifier is
      // computed here, so no password travels in SQL text (or a server log line).
      PGConnection pgc = c.unwrap(PGConnection.class);
      pgc.alterUserPassword(OWNER, credentials.owner().toCharArray(), "scram-sha-256");
      pgc.alterUserPassword(APP, credentials.app().toCharArray(), "scram-sha-256");
      try (PreparedStatement q =
          c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        q.setString(1, DATABASE);
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next()) {
            s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
          }
        }
      }
    }
  }

  /**
   * Plain login roles, like those the README asks for on an external PostgreSQL: no superuser, no
   * role or database creation.
   */
  private static void createRoleIfMissing(Statement s, String role) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
      if (!rs.next()) {
        s.execute(
            "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION");
      }
    }
  }

  /**
   * A connection to the cluster as {@code user}; package-private: only this package holds the
   * superuser password.
   */
  Connection connect(String user, String password, String database) throws SQLException {
    return connect(postgres.getPort(), user, password, database);
  }

  /** A connection to an embedded cluster on {@code port}, e.g. one a running vault started. */
  static Connection connect(int port, String user, String password, String database)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    return DriverManager.getConnection(jdbcUrl(port, database), p);
  }

  Connection connectAsSuperuser() throws SQLException {
    return connect(SUPERUSER, credentials.superuser(), "postgres");
  }

  /** As the schema owner, to the vault's database (checks after a restore, tests). */
  public Connection connectAsOwner() throws SQLException {
    return connect(OWNER, credentials.owner(), DATABASE);
  }

  /** As the application role, to the vault's database (tests of its privileges). */
  public Connection connectAsApp() throws SQLException {
    return connect(APP, credentials.app(), DATABASE);
  }

  String jdbcUrl(String database) {
    return jdbcUrl(postgres.getPort(), database);
  }

  private static String jdbcUrl(int port, String database) {
    return "jdbc:postgresql://" + LISTEN_ADDRESS + ":" + port + "/" + database;
  }

  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  public int port() {
    return postgres.getPort();
  }

  /**
   * What the server needs to reach this database: the same settings as for an external PostgreSQL
   * (README, "An external PostgreSQL"), so it runs as the owner and the application role, never as
   * the superuser, and the access log's privilege separation holds.
   */
  public Map<String, String> serverEnvironment() {
    return orderedMap(
        "VAULT_DB_URL", jdbcUrl(),
        "VAULT_DB_USER", APP,
        "VAULT_DB_PASSWORD", credentials.app(),
        "VAULT_DB_OWNER_USER", OWNER,
        "VAULT_DB_OWNER_PASSWORD", credentials.owner());
  }

  /** The postmaster's process id, from postmaster.pid (crash tests kill it). */
  public long postmasterPid() throws IOException {
    return PostmasterPid.read(pgData)
        .orElseThrow(() -> new IllegalStateException("no postmaster.pid in " + pgData))
        .pid();
  }

  /**
   * Stops the server cleanly and waits until it is gone: the library gives {@code pg_ctl stop} only
   * five seconds, and a shutdown checkpoint with fsync on may take longer on a busy machine.
   */
  @Override
  public void close() throws IOException {
    postgres.close();
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    // Gone when the file is, or when it names no live process (the server was killed).
    while (PostmasterPid.read(pgData).filter(PostmasterPid::alive).isPresent()
        && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Map<String, String> orderedMap(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}

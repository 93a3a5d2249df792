package org.zhusan.vault.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.zhusan.vault.cli.VaultProcess;

/**
 * The vault under test: the built WAR on a real Payara Micro, against a fresh database on the local
 * PostgreSQL, started once per test JVM (starting Payara costs ~20 s) and stopped when the JVM
 * exits. Tests reach it over HTTP and, as the schema owner, over JDBC.
 */
public final class VaultServer {
  /**
   * The suite's database (system property {@code it.db.name}, so parallel checkouts don't collide).
   */
  public static final String DATABASE = System.getProperty("it.db.name", "zhusan_it");

  public static final String OWNER = "vault_it_owner";
  public static final String APP = "vault_it_app";

  /** The upload limit the test server runs with. */
  public static final long MAX_UPLOAD_BYTES = 16L * 1024 * 1024;

  /**
   * Generous: on a loaded 2-core machine (a Keycloak building beside it) a start has taken over 3
   * minutes.
   */
  private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

  private static VaultServer instance;

  private final VaultProcess process;
  private final String jdbcUrl;
  private final VaultProcess.Spec spec;

  private VaultServer(VaultProcess process, String jdbcUrl, VaultProcess.Spec spec) {
    this.process = process;
    this.jdbcUrl = jdbcUrl;
    this.spec = spec;
  }

  /** The running server, started on first use. */
  public static synchronized VaultServer get() {
    if (instance == null) {
      try {
        instance = start();
      } catch (Exception e) {
        throw new IllegalStateException("could not start the vault for integration tests", e);
      }
      VaultServer started = instance;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      started.process.close();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
    }
    return instance;
  }

  public static Path repoRoot() {
    return Path.of(System.getProperty("vault.repo.root", ".")).toAbsolutePath();
  }

  public static String adminUrl(String database) {
    return "jdbc:postgresql://"
        + System.getProperty("it.db.host", "127.0.0.1")
        + ":"
        + System.getProperty("it.db.port", "5432")
        + "/"
        + database;
  }

  private static VaultServer start() throws IOException, SQLException, InterruptedException {
    return launch(DATABASE, java.util.Map.of(), "it");
  }

  /**
   * Starts a vault on a fresh database {@code database} of the local PostgreSQL (dropped first),
   * with extra environment; its files go under target/{name}-payara and its log to
   * target/{name}-server.log. Used by the integration tests and the benchmarks.
   */
  public static VaultServer launch(
      String database, java.util.Map<String, String> extraEnv, String name)
      throws IOException, SQLException, InterruptedException {
    return launch(database, extraEnv, name, "768m");
  }

  /** As {@link #launch(String, java.util.Map, String)} with a given server heap. */
  public static VaultServer launch(
      String database, java.util.Map<String, String> extraEnv, String name, String heap)
      throws IOException, SQLException, InterruptedException {
    return launch(database, extraEnv, name, heap, true);
  }

  /**
   * As {@link #launch(String, java.util.Map, String, String)}; with {@code freshDatabase} false an
   * existing database is kept as it is (created only when absent), so that a benchmark can reuse a
   * log that took minutes to fill.
   */
  public static VaultServer launch(
      String database,
      java.util.Map<String, String> extraEnv,
      String name,
      String heap,
      boolean freshDatabase)
      throws IOException, SQLException, InterruptedException {
    String admin = System.getProperty("it.db.admin.user", "postgres");
    try (Connection c = DriverManager.getConnection(adminUrl("postgres"), admin, "");
        Statement s = c.createStatement()) {
      boolean exists;
      try (java.sql.ResultSet rs =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
        exists = rs.next();
      }
      if (freshDatabase && exists) {
        s.execute("DROP DATABASE " + database + " WITH (FORCE)");
      }
      for (String role : new String[] {OWNER, APP}) {
        s.execute(
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '"
                + role
                + "') THEN CREATE ROLE "
                + role
                + " LOGIN; END IF; END $$");
      }
      if (freshDatabase || !exists) {
        s.execute("CREATE DATABASE " + database + " OWNER " + OWNER);
      }
    }
    String url = adminUrl(database);
    Path root = repoRoot();
    Path target = root.resolve("target");
    int port = freePort();
    // A copy of the development keystore the tests may add KEK versions to (rotation tests).
    Path keystore = target.resolve(name + "-keys.p12");
    java.nio.file.Files.copy(
        root.resolve("keys-example/vault-keys.p12"),
        keystore,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    VaultProcess.Spec spec =
        new VaultProcess.Spec()
            .payaraJar(target.resolve("payara-micro.jar"))
            .war(target.resolve("zhusan-vault.war"))
            .rootDir(target.resolve(name + "-payara"))
            .log(target.resolve(name + "-server.log"))
            .port(port)
            .heap(heap)
            .env("VAULT_DB_URL", url)
            .env("VAULT_DB_USER", APP)
            .env("VAULT_DB_OWNER_USER", OWNER)
            .env("VAULT_PROFILE", "dev")
            .env(
                "VAULT_DEV_TOKEN_KEY_LOCATION",
                root.resolve("keys-example/jwt-dev-private.pem").toString())
            .env("VAULT_KEYS_KEYSTORE_LOCATION", keystore.toString())
            .env("VAULT_KEYS_KEYSTORE_PASSWORD", "development-only")
            .env(
                "VAULT_AUDIT_SIGNING_KEY_LOCATION",
                root.resolve("keys-example/audit-signing-ed25519.pem").toString())
            .env(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                root.resolve("keys-example/jwt-dev-public.pem").toUri().toString());
    // Once a switch that turned auditing off in the development profile; the shared test server
    // keeps
    // setting it so that every test reading the log shows that no setting silences the log.
    spec.env("VAULT_AUDIT_BENCHMARK_DISABLE", "true");
    // A small upload limit so the 413 test need not send 100 MiB.
    spec.env("VAULT_DOCUMENTS_MAX_UPLOAD_BYTES", Long.toString(MAX_UPLOAD_BYTES));
    // A retention schedule under which some types are due at once (records tests and journeys);
    // the scan runs only when a test asks for it.
    spec.env(
        "VAULT_RECORDS_SCHEDULE", root.resolve("src/test/resources/retention-it.yaml").toString());
    spec.env("VAULT_RECORDS_SCAN_INTERVAL", "PT0S");
    extraEnv.forEach(spec::env);
    VaultProcess process = VaultProcess.start(spec);
    if (!process.awaitReady(START_TIMEOUT)) {
      process.close();
      throw new IllegalStateException(
          "vault did not become ready; see target/" + name + "-server.log");
    }
    return new VaultServer(process, url, spec);
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Another instance of the vault on the same database (for multi-instance tests); the caller
   * closes it.
   */
  public VaultProcess secondInstance() throws IOException, InterruptedException {
    return anotherInstance(java.util.Map.of(), "it-2");
  }

  /** Another instance on the same database with extra environment. */
  public VaultProcess anotherInstance(java.util.Map<String, String> extraEnv, String name)
      throws IOException, InterruptedException {
    return anotherInstance(extraEnv, name, spec.copy(), freePort());
  }

  /**
   * Another instance on the same database running another build of the WAR (benchmark baselines).
   */
  public VaultProcess anotherInstance(java.util.Map<String, String> extraEnv, String name, Path war)
      throws IOException, InterruptedException {
    return anotherInstance(extraEnv, name, spec.copy().war(war), freePort());
  }

  /**
   * Another instance on the same database, on a port chosen beforehand (e.g. named in an identity
   * provider's realm).
   */
  public VaultProcess anotherInstance(java.util.Map<String, String> extraEnv, String name, int port)
      throws IOException, InterruptedException {
    return anotherInstance(extraEnv, name, spec.copy(), port);
  }

  private VaultProcess anotherInstance(
      java.util.Map<String, String> extraEnv, String name, VaultProcess.Spec base, int port)
      throws IOException, InterruptedException {
    Path target = repoRoot().resolve("target");
    VaultProcess.Spec second =
        base.port(port)
            .rootDir(target.resolve(name + "-payara"))
            .log(target.resolve(name + "-server.log"));
    extraEnv.forEach(second::env);
    VaultProcess p = VaultProcess.start(second);
    if (!p.awaitReady(START_TIMEOUT)) {
      p.close();
      throw new IllegalStateException(
          "another vault instance did not become ready; see target/" + name + "-server.log");
    }
    return p;
  }

  /**
   * Another instance on the same database with extra environment that is expected to stay not ready
   * (a broken keystore or policy): started, not waited for. The caller waits for what it needs and
   * closes it.
   */
  public VaultProcess unreadyInstance(java.util.Map<String, String> extraEnv, String name)
      throws IOException {
    Path target = repoRoot().resolve("target");
    VaultProcess.Spec other =
        spec.copy()
            .port(freePort())
            .rootDir(target.resolve(name + "-payara"))
            .log(target.resolve(name + "-server.log"));
    extraEnv.forEach(other::env);
    return VaultProcess.start(other);
  }

  public String baseUrl() {
    return process.baseUrl();
  }

  /** The server's process id (benchmarks account its CPU time). */
  public long pid() {
    return process.pid();
  }

  /** Stops this server (benchmarks; the shared test server stops when the JVM exits). */
  public void stop() throws InterruptedException {
    process.close();
  }

  /**
   * A JDBC connection as the schema owner, bypassing the application (for tamper and leak tests).
   */
  public Connection ownerConnection() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, OWNER, "");
  }

  /** The keystore file the running server reads (a copy the tests may change). */
  public static Path keystore() {
    return repoRoot().resolve("target/it-keys.p12");
  }

  /** A superuser connection to the test database (to watch other roles' sessions). */
  public Connection adminConnection() throws SQLException {
    return DriverManager.getConnection(
        jdbcUrl, System.getProperty("it.db.admin.user", "postgres"), "");
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }
}

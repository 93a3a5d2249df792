package org.zhusan.vault.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL started from the embedded binaries, its data kept under {@code <data>/postgres}
 * so a second start reuses it. Creates the owner role, the application role and the database on
 * first start.
 */
final class EmbeddedDatabase implements AutoCloseable {
  static final String DATABASE = "vault";
  static final String OWNER = "vault_owner";
  static final String APP = "vault_app";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase start(Path dataDir, int port) throws IOException, SQLException {
    Path pgData = dataDir.resolve("postgres");
    Files.createDirectories(pgData);
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(dataDir.resolve("postgres-runtime").toFile())
            .setPort(port)
            .start();
    EmbeddedDatabase db = new EmbeddedDatabase(pg);
    db.prepare();
    return db;
  }

  private void prepare() throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      createRoleIfMissing(s, OWNER);
      createRoleIfMissing(s, APP);
      try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
        if (!rs.next()) {
          s.execute("CREATE DATABASE " + DATABASE + " OWNER " + OWNER);
        }
      }
    }
  }

  static void createRoleIfMissing(Statement s, String role) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
      if (!rs.next()) {
        s.execute("CREATE ROLE " + role + " LOGIN");
      }
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
  }

  int port() {
    return postgres.getPort();
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}

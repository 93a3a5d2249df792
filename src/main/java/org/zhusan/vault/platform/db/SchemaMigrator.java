package org.zhusan.vault.platform.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the Flyway migrations at start-up, as the schema owner, then grants the application role
 * exactly what it needs. Hibernate never generates schema. Readiness stays DOWN until this
 * succeeds.
 */
@ApplicationScoped
public class SchemaMigrator {
  private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

  @Inject DatabaseSettings settings;

  private volatile boolean migrated;
  private volatile String failure;
  private volatile String schemaVersion;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    migrate();
  }

  synchronized void migrate() {
    try {
      Flyway flyway =
          Flyway.configure(SchemaMigrator.class.getClassLoader())
              .dataSource(settings.url(), settings.ownerUser(), settings.ownerPassword())
              .locations("classpath:db/migration")
              .placeholders(Map.of("appUser", settings.appUser()))
              .load();
      MigrateResult result = flyway.migrate();
      schemaVersion = flyway.info().current().getVersion().getVersion();
      LOG.info(
          "Schema at version "
              + schemaVersion
              + " ("
              + result.migrationsExecuted
              + " migrations applied now)");
      if (settings.separateOwner()) {
        grantApplicationRole();
      }
      migrated = true;
      failure = null;
    } catch (RuntimeException | SQLException e) {
      failure = e.getClass().getSimpleName() + ": " + e.getMessage();
      LOG.log(Level.SEVERE, "Schema migration failed; the vault will not report ready", e);
    }
  }

  /**
   * The application role reads and writes ordinary tables but may only INSERT into and SELECT from
   * the access log tables (invariant 5); the owner keeps the rest.
   */
  private void grantApplicationRole() throws SQLException {
    String app = quoteIdent(settings.appUser());
    try (Connection c =
            DriverManager.getConnection(
                settings.url(), settings.ownerUser(), settings.ownerPassword());
        Statement s = c.createStatement()) {
      s.execute("GRANT USAGE ON SCHEMA public TO " + app);
      s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + app);
      s.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + app);
      s.execute("REVOKE ALL ON flyway_schema_history FROM " + app);
      s.execute("GRANT SELECT ON flyway_schema_history TO " + app);
      for (String table : AppendOnlyTables.NAMES) {
        s.execute("REVOKE UPDATE, DELETE, TRUNCATE ON " + table + " FROM " + app);
      }
    }
  }

  static String quoteIdent(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  public boolean migrated() {
    return migrated;
  }

  public String schemaVersion() {
    return schemaVersion;
  }

  public String failure() {
    return failure;
  }
}

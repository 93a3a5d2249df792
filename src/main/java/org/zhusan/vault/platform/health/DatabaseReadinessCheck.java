package org.zhusan.vault.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.zhusan.vault.platform.db.SchemaMigrator;

/** Ready when PostgreSQL answers and the schema migrations have been applied. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {
  @Resource(lookup = "java:app/jdbc/vault")
  DataSource dataSource;

  @Inject SchemaMigrator migrator;

  @Override
  public HealthCheckResponse call() {
    boolean reachable;
    try (Connection c = dataSource.getConnection()) {
      reachable = c.isValid(2);
    } catch (SQLException e) {
      reachable = false;
    }
    return HealthCheckResponse.named("database")
        .status(reachable && migrator.migrated())
        .withData("reachable", reachable)
        .withData("migrationsApplied", migrator.migrated())
        .build();
  }
}

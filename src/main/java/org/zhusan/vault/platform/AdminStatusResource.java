package org.zhusan.vault.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.platform.db.SchemaMigrator;

/** {@code GET /api/admin/status}: operational state for administrators (never any content). */
@Path("/admin/status")
@Produces(MediaType.APPLICATION_JSON)
public class AdminStatusResource {
  @Inject SchemaMigrator migrator;

  /** What an administrator sees. */
  public record Status(boolean schemaMigrated, String schemaVersion, Instant serverTime) {}

  @GET
  @RolesAllowed("ADMIN")
  @Operation(summary = "Operational status: schema version and server time (ADMIN only)")
  public Status status() {
    return new Status(migrator.migrated(), migrator.schemaVersion(), Instant.now());
  }
}

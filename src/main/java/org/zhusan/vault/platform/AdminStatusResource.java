package org.zhusan.vault.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.platform.db.SchemaMigrator;
import org.zhusan.vault.platform.health.KeyStatusReport;

/**
 * {@code GET /api/admin/status}: operational state for administrators (never any content),
 * including why the vault is not ready — detail that public readiness ({@code /health/ready})
 * withholds.
 */
@Path("/admin/status")
@Produces(MediaType.APPLICATION_JSON)
public class AdminStatusResource {
  @Inject SchemaMigrator migrator;
  @Inject KeyStatusReport keys;

  /**
   * What an administrator sees.
   *
   * @param tokenVerificationKey whether a token verification key is configured
   * @param keys each holder of key material (keystore, checkpoint signing key, access policy):
   *     loaded, or why not
   */
  public record Status(
      boolean schemaMigrated,
      String schemaVersion,
      Instant serverTime,
      boolean tokenVerificationKey,
      List<KeyStatusReport.Holder> keys) {}

  @GET
  @RolesAllowed("ADMIN")
  @Operation(
      summary =
          "Operational status: schema version, server time, and each key holder loaded or why not"
              + " (ADMIN only)")
  public Status status() {
    return new Status(
        migrator.migrated(),
        migrator.schemaVersion(),
        Instant.now(),
        keys.tokenVerificationKeyConfigured(),
        keys.holders());
  }
}

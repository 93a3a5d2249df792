package org.zhusan.vault.documents;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * {@code /api/admin/keys/document-keys}: how many documents are still sealed under their subject's
 * key, and re-sealing them now (ADMIN). A root resource of its own with the longer literal path, so
 * the keys capability need not know documents.
 */
@Path("/admin/keys/document-keys")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class LegacyResealResource {
  @Inject Admin admin;
  @Inject LegacyResealing resealing;

  public record Status(long legacyDocuments) {}

  @GET
  @Operation(summary = "Documents still sealed under their subject's key (ADMIN)")
  public Status status() {
    return admin.status();
  }

  @POST
  @Path("reseal")
  @Operation(
      summary =
          "Re-seal up to limit (default 100) documents stored before per-document keys under their"
              + " own keys (ADMIN)")
  public LegacyResealing.Pass reseal(@QueryParam("limit") String limit) {
    int n;
    try {
      n = limit == null || limit.isBlank() ? 100 : Integer.parseInt(limit.strip());
    } catch (NumberFormatException e) {
      throw VaultException.badRequest("invalid-limit", "limit must be a whole number.");
    }
    if (n < 1 || n > 10_000) {
      throw VaultException.badRequest("invalid-limit", "limit must be between 1 and 10000.");
    }
    admin.authorise();
    return resealing.run(n);
  }

  /** The decisions, each in its transaction. */
  @jakarta.enterprise.context.ApplicationScoped
  public static class Admin {
    @Inject Gatekeeper gatekeeper;
    @Inject LegacyDocuments documents;

    @Transactional
    public Status status() {
      gatekeeper.require(Action.KEY_STATUS, Target.key("document-keys"));
      return new Status(documents.remaining());
    }

    @Transactional
    public void authorise() {
      gatekeeper.require(Action.KEY_ROTATE, Target.key("document-keys"));
    }
  }
}

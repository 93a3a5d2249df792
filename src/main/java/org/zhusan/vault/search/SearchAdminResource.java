package org.zhusan.vault.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.search.SearchReindexer.ReindexRun;

/**
 * {@code /api/admin/search} (ADMIN): re-indexing. Administrators start it; they never see content.
 */
@Path("/admin/search")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class SearchAdminResource {
  @Inject SearchAdmin admin;

  @POST
  @Path("/reindex")
  @Operation(
      summary =
          "Re-extract and re-index stored versions in the background (ADMIN): scope=stale (default:"
              + " not indexed with the current token purpose, failed, without text, or never"
              + " indexed) or scope=all; 202 with the run")
  public Response reindex(@QueryParam("scope") String scope) {
    return Response.accepted(admin.start(scope)).build();
  }

  @GET
  @Path("/reindex")
  @Operation(summary = "Progress of the latest re-index run since start-up (ADMIN); 404 if none")
  public ReindexRun progress() {
    return admin.progress();
  }

  /** The audited, transactional side of the resource. */
  @ApplicationScoped
  @AuditedService
  public static class SearchAdmin {
    @Inject Gatekeeper gatekeeper;
    @Inject SearchReindexer reindexer;

    @Transactional
    public ReindexRun start(String scope) {
      boolean all;
      if (scope == null || scope.isBlank() || scope.equalsIgnoreCase("stale")) {
        all = false;
      } else if (scope.equalsIgnoreCase("all")) {
        all = true;
      } else {
        throw VaultException.badRequest("invalid-scope", "scope must be 'stale' or 'all'.");
      }
      var event =
          gatekeeper.require(
              Action.SEARCH_REINDEX, "SEARCH_INDEX", all ? "all" : "stale", null, null);
      return reindexer.start(all, event.userId(), event.role());
    }

    @Transactional
    public ReindexRun progress() {
      gatekeeper.require(Action.SEARCH_REINDEX, "SEARCH_INDEX", "progress", null, null);
      return reindexer.current().orElseThrow(() -> VaultException.notFound("A re-index run"));
    }
  }
}

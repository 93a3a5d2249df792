package org.zhusan.vault.records;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;
import org.zhusan.vault.platform.rest.PathIds;
import org.zhusan.vault.records.RecordsViews.HoldView;
import org.zhusan.vault.records.RecordsViews.ReleaseRequest;

/** {@code /api/holds}: legal holds across the caller's centres, and release. */
@Path("/holds")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class HoldResource {
  @Inject Holds holds;

  @GET
  @Operation(
      summary = "Legal holds in your centres (all centres for ADMIN and AUDITOR), newest first")
  public Page<HoldView> list(
      @QueryParam("active") String active,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    boolean activeOnly;
    if (active == null || active.isBlank() || active.equals("true")) {
      activeOnly = true;
    } else if (active.equals("false")) {
      activeOnly = false;
    } else {
      throw VaultException.badRequest("invalid-active", "active must be true or false.");
    }
    return holds.list(activeOnly, PageRequest.of(offset, limit));
  }

  @POST
  @Path("{holdId}/release")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Release a legal hold, with a reason")
  public HoldView release(@PathParam("holdId") String holdId, ReleaseRequest body) {
    return holds.release(PathIds.uuid(holdId, "hold"), body);
  }
}

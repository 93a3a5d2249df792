package org.zhusan.vault.documents;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.platform.rest.PageRequest;

/** {@code /api/grants}: the caller's grants, and revocation. */
@Path("/grants")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class GrantResource {
  @Inject SharingService service;

  @GET
  @Operation(summary = "Grants you gave or received, newest first")
  public List<SharingService.GrantView> mine(
      @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
    PageRequest p = PageRequest.of(offset, limit);
    return service.mine(p.offset(), p.limit());
  }

  @DELETE
  @Path("{grantId}")
  @Operation(summary = "Revoke a grant (grantor or ADMIN)")
  public SharingService.GrantView revoke(@PathParam("grantId") String grantId) {
    return service.revoke(DocumentResource.uuid(grantId, "grant"));
  }
}

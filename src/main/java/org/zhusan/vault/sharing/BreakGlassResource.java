package org.zhusan.vault.sharing;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.platform.rest.PathIds;

/**
 * {@code /api/documents/{id}/break-glass}: opening one document outside policy (see {@link
 * DocumentGrantResource} on routing).
 */
@Path("/documents/{documentId}/break-glass")
@Audited
public class BreakGlassResource {
  @Inject SharingService sharing;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Open a document outside policy (LAWYER, PSYCHOLOGIST, PSYCHIATRIST, DOCTOR) with a"
              + " written justification, for a limited time; every use is flagged and reviewed by"
              + " auditors")
  public Response open(
      @PathParam("documentId") String documentId, SharingService.BreakGlassRequest body) {
    return Response.status(201)
        .entity(sharing.openBreakGlass(PathIds.uuid(documentId, "document"), body))
        .build();
  }
}

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
 * {@code /api/documents/{id}/grants}: sharing one document. A root resource of its own (rather than
 * a method of the documents resource) so that documents need not know about sharing; its longer
 * literal path makes JAX-RS route these requests here and every other {@code /documents/…} request
 * to the documents resource.
 */
@Path("/documents/{documentId}/grants")
@Audited
public class DocumentGrantResource {
  @Inject SharingService sharing;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Share a document (or one version: versionId) with a named user for a purpose until an"
              + " expiry (duration, ISO-8601)")
  public Response share(@PathParam("documentId") String documentId, SharingService.NewGrant body) {
    return Response.status(201)
        .entity(sharing.share(PathIds.uuid(documentId, "document"), body))
        .build();
  }
}

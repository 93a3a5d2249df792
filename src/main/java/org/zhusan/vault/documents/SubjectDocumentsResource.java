package org.zhusan.vault.documents;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.documents.DocumentViews.DocumentView;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;

/**
 * {@code /api/subjects/{subjectId}/documents}: a subject's documents; streaming multipart upload.
 */
@Path("/subjects/{subjectId}/documents")
@Audited
public class SubjectDocumentsResource {
  @Inject DocumentService service;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Upload a document (multipart: fields type, title, purpose, then file); 415 names the"
              + " detected type if it is not accepted")
  public Response upload(
      @PathParam("subjectId") String subjectId, @Context HttpServletRequest request) {
    DocumentView created = service.create(DocumentResource.uuid(subjectId, "subject"), request);
    return Response.created(URI.create("/api/documents/" + created.id())).entity(created).build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "A subject's documents with their versions (metadata only), paginated")
  public Page<DocumentView> list(
      @PathParam("subjectId") String subjectId,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return service.listForSubject(
        DocumentResource.uuid(subjectId, "subject"), PageRequest.of(offset, limit));
  }
}

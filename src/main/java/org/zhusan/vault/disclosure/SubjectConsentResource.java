package org.zhusan.vault.disclosure;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.platform.rest.PathIds;

/**
 * {@code /api/subjects/{id}/consents}: a person's consents (a root resource with the whole path).
 */
@Path("/subjects/{subjectId}/consents")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class SubjectConsentResource {
  @Inject Consents consents;

  @GET
  @Operation(summary = "The person's consents to disclosure, newest first, revoked ones included")
  public Map<String, List<DisclosureViews.ConsentView>> list(
      @PathParam("subjectId") String subjectId) {
    return Map.of("items", consents.list(PathIds.uuid(subjectId, "subject")));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Record a consent (givenBy, guardianName, documentTypes, recipientKind, recipientName,"
              + " purpose, validUntil, consentDocumentId: the signed CONSENT document)")
  public Response record(
      @PathParam("subjectId") String subjectId, DisclosureViews.ConsentRequest body) {
    return Response.status(201)
        .entity(consents.record(PathIds.uuid(subjectId, "subject"), body))
        .build();
  }
}

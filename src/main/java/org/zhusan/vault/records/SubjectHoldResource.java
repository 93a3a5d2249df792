package org.zhusan.vault.records;

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
import org.zhusan.vault.records.RecordsViews.HoldRequest;

/**
 * {@code /api/subjects/{id}/holds}: a person's legal holds. A root resource with the whole literal
 * path (as {@code sharing.DocumentGrantResource} is), so that subjects need not know about records
 * governance and JAX-RS routes every other {@code /subjects/…} request to the subjects resource.
 */
@Path("/subjects/{subjectId}/holds")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class SubjectHoldResource {
  @Inject Holds holds;

  @GET
  @Operation(summary = "The person's legal holds, newest first, active and released")
  public Map<String, List<RecordsViews.HoldView>> holds(@PathParam("subjectId") String subjectId) {
    return Map.of("items", holds.ofSubject(PathIds.uuid(subjectId, "subject")));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Place a legal hold on the person, or on one of their documents (documentId), with a"
              + " reason and a case reference")
  public Response place(@PathParam("subjectId") String subjectId, HoldRequest body) {
    return Response.status(201)
        .entity(holds.place(PathIds.uuid(subjectId, "subject"), body))
        .build();
  }
}

package org.zhusan.vault.outcomes;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.platform.rest.PathIds;

/** {@code /api/subjects/{id}/indicators}: a person's indicator history, and recording one. */
@Path("/subjects/{subjectId}/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class SubjectIndicatorResource {
  @Inject Indicators indicators;

  @GET
  @Operation(
      summary = "The person's indicator observations of the kinds the caller reads, newest first")
  public IndicatorViews.ObservationList list(@PathParam("subjectId") String subjectId) {
    return indicators.list(PathIds.uuid(subjectId, "subject"));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Record a dated indicator observation (or correct an earlier one)")
  public Response record(
      @PathParam("subjectId") String subjectId, IndicatorViews.RecordRequest body) {
    return Response.status(Response.Status.CREATED)
        .entity(indicators.record(PathIds.uuid(subjectId, "subject"), body))
        .build();
  }
}

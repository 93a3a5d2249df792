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
import org.zhusan.vault.records.RecordsViews.EventRequest;

/**
 * {@code /api/subjects/{id}/events}: dated events on a person that start retention clocks. A root
 * resource with the whole literal path, like {@link SubjectHoldResource}.
 */
@Path("/subjects/{subjectId}/events")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class SubjectEventResource {
  @Inject SubjectEvents events;

  @GET
  @Operation(summary = "Dated events on the person that start retention clocks (case closed)")
  public Map<String, List<RecordsViews.EventView>> events(
      @PathParam("subjectId") String subjectId) {
    return Map.of("items", events.list(PathIds.uuid(subjectId, "subject")));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Record a dated event on the person (kind CASE_CLOSED, occurredOn)")
  public Response record(@PathParam("subjectId") String subjectId, EventRequest body) {
    return Response.status(201)
        .entity(events.record(PathIds.uuid(subjectId, "subject"), body))
        .build();
  }
}

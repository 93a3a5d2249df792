package org.zhusan.vault.subjects;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;
import org.zhusan.vault.subjects.SubjectViews.SubjectView;

/** {@code /api/subjects}: thin REST edge of {@link SubjectService}. */
@Path("/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Audited
public class SubjectResource {
  @Inject SubjectService service;

  @POST
  @Operation(
      summary =
          "Register a subject; identifying fields are encrypted with the subject's own data key")
  public Response create(SubjectViews.NewSubject body, @jakarta.ws.rs.core.Context UriInfo uri) {
    SubjectView created = service.create(body);
    return Response.created(URI.create(uri.getBaseUri() + "subjects/" + created.id()))
        .entity(created)
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary = "A subject; identifying fields only for roles that may see them; 410 once shredded")
  public SubjectView read(@PathParam("id") String id) {
    return service.read(uuid(id));
  }

  @GET
  @Operation(
      summary =
          "Subjects of one of your centres, oldest first, paginated; optionally of one programme"
              + " stage")
  public Page<SubjectView> list(
      @QueryParam("centre") String centre,
      @QueryParam("stage") String stage,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return service.list(centre, stage, PageRequest.of(offset, limit));
  }

  @POST
  @Path("/lookup")
  @Operation(
      summary =
          "Exact lookup by IIN or full name through blind indexes (value in the body, never in the"
              + " URL)")
  public List<SubjectView> lookup(SubjectViews.Lookup body) {
    return service.lookup(body);
  }

  @POST
  @Path("/{id}/stage")
  @Operation(summary = "Move a subject to a later programme stage on a given date")
  public SubjectView changeStage(@PathParam("id") String id, SubjectViews.StageChange body) {
    return service.changeStage(uuid(id), body);
  }

  @PUT
  @Path("/{id}/guardian")
  @Operation(summary = "Link a child to its mother or guardian")
  public SubjectView linkGuardian(@PathParam("id") String id, SubjectViews.GuardianLink body) {
    return service.linkGuardian(uuid(id), body);
  }

  @POST
  @Path("/{id}/shred")
  @Operation(
      summary = "Crypto-shred a subject (ADMIN): destroy its data key with a recorded reason")
  public Response shred(@PathParam("id") String id, SubjectViews.ShredRequest body) {
    service.shred(uuid(id), body);
    return Response.noContent().build();
  }

  static UUID uuid(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw VaultException.notFound("The subject");
    }
  }
}

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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;
import org.zhusan.vault.platform.rest.PathIds;
import org.zhusan.vault.records.RecordsViews.DispositionView;
import org.zhusan.vault.records.RecordsViews.ExtendRequest;
import org.zhusan.vault.records.RecordsViews.ProposeRequest;
import org.zhusan.vault.records.RecordsViews.RuleView;
import org.zhusan.vault.records.RecordsViews.ScanView;
import org.zhusan.vault.records.RecordsViews.ScheduleView;

/** {@code /api/records}: the retention schedule, the disposition queue and certificates. */
@Path("/records")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class RecordsResource {
  @Inject Schedule schedule;
  @Inject DispositionService disposition;
  @Inject Certificates certificates;

  @GET
  @Path("schedule")
  @Operation(summary = "The retention schedule in force and who may hold, propose and approve")
  public ScheduleView schedule() {
    RetentionSchedule s = schedule.current();
    return new ScheduleView(
        s.rules().values().stream().map(RuleView::of).toList(),
        s.holdRoles().stream().sorted().map(Enum::name).toList(),
        s.proposeRoles().stream().sorted().map(Enum::name).toList(),
        s.approveRoles().stream().sorted().map(Enum::name).toList());
  }

  @POST
  @Path("disposition/scan")
  @Operation(summary = "Queue the records whose retention ended now (proposers); destroys nothing")
  public ScanView scan() {
    return disposition.scanNow();
  }

  @GET
  @Path("disposition")
  @Operation(
      summary =
          "The disposition queue; state OPEN (default), ELIGIBLE, PROPOSED, EXTENDED, DESTROYED or"
              + " ALL")
  public Page<DispositionView> queue(
      @QueryParam("state") String state,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return disposition.list(state, PageRequest.of(offset, limit));
  }

  @POST
  @Path("disposition/{id}/propose")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Propose destroying an eligible record (with a reason)")
  public DispositionView propose(@PathParam("id") String id, ProposeRequest body) {
    return disposition.propose(PathIds.uuid(id, "disposition"), body);
  }

  @POST
  @Path("disposition/{id}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Approve a proposal (a different person): the document is destroyed for good and a"
              + " signed certificate issued")
  public DispositionView approve(@PathParam("id") String id, RecordsViews.ApproveRequest body) {
    return disposition.approve(PathIds.uuid(id, "disposition"));
  }

  @POST
  @Path("disposition/{id}/extend")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Keep a REVIEW record longer, until a date, with a reason")
  public DispositionView extend(@PathParam("id") String id, ExtendRequest body) {
    return disposition.extend(PathIds.uuid(id, "disposition"), body);
  }

  @GET
  @Path("certificates/{id}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "A certificate of destruction: the signed JSON file, verifiable offline")
  public Response certificate(@PathParam("id") String id) {
    var uuid = PathIds.uuid(id, "certificate");
    return Response.ok(certificates.json(uuid))
        .header("Content-Disposition", "attachment; filename=\"destruction-" + uuid + ".json\"")
        .build();
  }

  @GET
  @Path("certificates/{id}/pdf")
  @Produces("application/pdf")
  @Operation(summary = "A certificate of destruction as PDF (the signed JSON file attached)")
  public Response certificatePdf(@PathParam("id") String id) {
    var uuid = PathIds.uuid(id, "certificate");
    return Response.ok(certificates.pdf(uuid))
        .header("Content-Disposition", "attachment; filename=\"destruction-" + uuid + ".pdf\"")
        .build();
  }
}

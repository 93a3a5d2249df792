package org.zhusan.vault.reports;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * {@code /api/reports}: the predefined outcome reports, as JSON or (with {@code format=csv}) CSV.
 */
@Path("/reports")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class ReportResource {
  static final String CSV = "text/csv; charset=UTF-8";

  @Inject Reports reports;

  @GET
  @Operation(summary = "What the caller may ask for: groupings, stages, indicator kinds, centres")
  public ReportViews.Catalogue catalogue() {
    return reports.catalogue();
  }

  @GET
  @Path("stages")
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @Operation(
      summary = "People per programme stage at a date, by a grouping, small cells suppressed")
  public Response stages(
      @QueryParam("date") String date,
      @QueryParam("groupBy") String groupBy,
      @QueryParam("sex") String sex,
      @QueryParam("format") String format) {
    return respond(format, () -> reports.stages(date, groupBy, sex));
  }

  @GET
  @Path("indicators")
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @Operation(
      summary = "People by an indicator's value at a date, by a grouping, small cells suppressed")
  public Response indicators(
      @QueryParam("kind") String kind,
      @QueryParam("date") String date,
      @QueryParam("groupBy") String groupBy,
      @QueryParam("sex") String sex,
      @QueryParam("format") String format) {
    return respond(format, () -> reports.indicators(kind, date, groupBy, sex));
  }

  @GET
  @Path("stage-trend")
  @Produces({MediaType.APPLICATION_JSON, CSV})
  @Operation(summary = "People per stage at the end of each month (at most 36), of a centre or all")
  public Response stageTrend(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("centre") String centre,
      @QueryParam("format") String format) {
    return respond(format, () -> reports.stageTrend(from, to, centre));
  }

  private static Response respond(
      String format, java.util.function.Supplier<ReportViews.Table> run) {
    boolean csv = "csv".equals(format);
    if (format != null && !csv && !"json".equals(format)) {
      throw VaultException.badRequest("invalid-format", "format must be json or csv.");
    }
    ReportViews.Table t = run.get();
    if (!csv) {
      return Response.ok(t, MediaType.APPLICATION_JSON_TYPE).build();
    }
    return Response.ok(ReportCsv.of(t), CSV)
        .header("Content-Disposition", "attachment; filename=\"" + ReportCsv.fileName(t) + "\"")
        .build();
  }
}

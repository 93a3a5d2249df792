package org.zhusan.vault.oversight;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.Writer;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.audit.AuditFilter;
import org.zhusan.vault.oversight.AuditViews.CheckpointView;
import org.zhusan.vault.oversight.AuditViews.EntryView;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;

/** {@code /api/audit}: the auditor's view of the access log (AUDITOR; checkpoints also ADMIN). */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class AuditResource {
  @Inject AuditService service;
  @Inject LogFilters filters;

  @GET
  @Path("/entries")
  @Operation(
      summary =
          "Query the access log by user, role, centre, subject, document, action, outcome,"
              + " break-glass and time; ordered by sequence")
  public Page<EntryView> entries(
      @QueryParam("user") String user,
      @QueryParam("role") String role,
      @QueryParam("centre") String centre,
      @QueryParam("subject") String subject,
      @QueryParam("document") String document,
      @QueryParam("targetType") String targetType,
      @QueryParam("targetId") String targetId,
      @QueryParam("action") String action,
      @QueryParam("outcome") String outcome,
      @QueryParam("breakGlass") String breakGlass,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    return service.query(
        filters.parse(
            user,
            role,
            centre,
            subject,
            document,
            targetType,
            targetId,
            action,
            outcome,
            breakGlass,
            from,
            to),
        PageRequest.of(offset, limit));
  }

  @GET
  @Path("/export")
  @Produces({"application/x-ndjson", "text/csv"})
  @Operation(
      summary =
          "Stream the log: without filters a verifiable JSON Lines export (entries + signed"
              + " checkpoints); with filters, matching entries with inclusion proofs (JSON Lines or"
              + " CSV)")
  public Response export(
      @QueryParam("format") String format,
      @QueryParam("user") String user,
      @QueryParam("role") String role,
      @QueryParam("centre") String centre,
      @QueryParam("subject") String subject,
      @QueryParam("document") String document,
      @QueryParam("action") String action,
      @QueryParam("outcome") String outcome,
      @QueryParam("breakGlass") String breakGlass,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    String fmt = format == null ? "jsonl" : format;
    if (!fmt.equals("jsonl") && !fmt.equals("csv")) {
      throw VaultException.badRequest("invalid-format", "format must be jsonl or csv.");
    }
    AuditFilter filter =
        filters.parse(
            user,
            role,
            centre,
            subject,
            document,
            null,
            null,
            action,
            outcome,
            breakGlass,
            from,
            to);
    boolean csv = fmt.equals("csv");
    AuditService.ExportPermit permit = service.authorizeExport(filter, csv);
    StreamingOutput body =
        out -> {
          Writer w = AuditService.utf8(out);
          service.export(permit, w);
          w.flush();
        };
    return Response.ok(
            body, csv ? "text/csv; charset=UTF-8" : "application/x-ndjson; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"access-log." + fmt + "\"")
        .build();
  }

  @GET
  @Path("/checkpoints")
  @Operation(summary = "Signed checkpoints, oldest first")
  public List<CheckpointView> checkpoints() {
    return service.checkpoints();
  }

  @POST
  @Path("/checkpoints")
  @Operation(summary = "Sign a checkpoint of the log as it is now (AUDITOR or ADMIN)")
  public CheckpointView checkpoint() {
    return service.checkpointNow();
  }

  @GET
  @Path("/proofs/inclusion")
  @Operation(summary = "RFC 9162 inclusion proof of an entry in the tree of a given size")
  public AuditViews.InclusionProofView inclusion(
      @QueryParam("sequence") String sequence, @QueryParam("treeSize") String treeSize) {
    return service.inclusion(sequence, treeSize);
  }

  @GET
  @Path("/proofs/consistency")
  @Operation(summary = "RFC 9162 consistency proof between two tree sizes")
  public AuditViews.ConsistencyProofView consistency(
      @QueryParam("first") String first, @QueryParam("second") String second) {
    return service.consistency(first, second);
  }

  @GET
  @Path("/verify")
  @Operation(summary = "Verify the whole log on the server, exactly as the offline verifier does")
  public AuditViews.VerificationView verify() {
    return service.verifyOnline(service.authorizeVerify(), service);
  }

  @GET
  @Path("/summary/users/{userId}")
  @Operation(summary = "What one staff member touched, when and why")
  public AuditViews.Summary userSummary(@PathParam("userId") String userId) {
    return service.summary(AuditFilter.builder().user(userId).build(), userId, true);
  }

  @GET
  @Path("/summary/subjects/{subjectId}")
  @Operation(summary = "Who touched one subject's record, when and why")
  public AuditViews.Summary subjectSummary(@PathParam("subjectId") String subjectId) {
    return service.summary(filters.ofSubject(subjectId), subjectId, false);
  }
}

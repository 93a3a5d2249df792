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
import java.io.BufferedOutputStream;
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
  @Produces({"application/x-ndjson", "text/csv", "application/octet-stream"})
  @Operation(
      summary =
          "Stream the log: without filters a verifiable JSON Lines export (entries + signed"
              + " checkpoints), or with format=bin the same export in the binary format that"
              + " verifies about eight times faster; with filters, matching entries with inclusion"
              + " proofs (JSON Lines or CSV)")
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
    if (!fmt.equals("jsonl") && !fmt.equals("csv") && !fmt.equals("bin")) {
      throw VaultException.badRequest("invalid-format", "format must be jsonl, csv or bin.");
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
    if (fmt.equals("bin")) {
      if (!filter.isAll()) {
        throw VaultException.badRequest(
            "invalid-format",
            "format=bin exports the whole log; filtered exports are jsonl or csv.");
      }
      AuditService.ExportPermit permit = service.authorizeExport(filter, "bin");
      StreamingOutput body =
          out -> {
            BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
            service.exportBinary(permit, buffered);
            buffered.flush();
          };
      return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM)
          .header("Content-Disposition", "attachment; filename=\"access-log.bin\"")
          .build();
    }
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
  @Operation(
      summary =
          "RFC 9162 inclusion proof of an entry in the tree of a given size, at most the latest"
              + " signed checkpoint's (409 above it: sign one first)")
  public AuditViews.InclusionProofView inclusion(
      @QueryParam("sequence") String sequence, @QueryParam("treeSize") String treeSize) {
    return service.inclusion(sequence, treeSize);
  }

  @GET
  @Path("/proofs/consistency")
  @Operation(
      summary =
          "RFC 9162 consistency proof between two tree sizes, the larger at most the latest signed"
              + " checkpoint's (409 above it: sign one first)")
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

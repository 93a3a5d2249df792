package org.zhusan.vault.audit;

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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.audit.AuditViews.CheckpointView;
import org.zhusan.vault.audit.AuditViews.EntryView;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;

/** {@code /api/audit}: the auditor's view of the access log (AUDITOR; checkpoints also ADMIN). */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class AuditResource {
  static final Set<String> OUTCOMES = Set.of("ALLOWED", "DENIED", "FAILED");

  @Inject AuditService service;

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
        filter(
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
        filter(
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
    service.authorizeExport(filter, fmt);
    StreamingOutput body =
        out -> {
          Writer w = AuditService.utf8(out);
          if (filter.isAll() && !csv) {
            service.exportAll(w);
          } else {
            service.exportFiltered(filter, csv, w);
          }
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
    return service.inclusion(number("sequence", sequence), number("treeSize", treeSize));
  }

  @GET
  @Path("/proofs/consistency")
  @Operation(summary = "RFC 9162 consistency proof between two tree sizes")
  public AuditViews.ConsistencyProofView consistency(
      @QueryParam("first") String first, @QueryParam("second") String second) {
    return service.consistency(number("first", first), number("second", second));
  }

  @GET
  @Path("/verify")
  @Operation(summary = "Verify the whole log on the server, exactly as the offline verifier does")
  public AuditViews.VerificationView verify() {
    service.authorizeVerify();
    return service.verifyOnline(service);
  }

  @GET
  @Path("/summary/users/{userId}")
  @Operation(summary = "What one staff member touched, when and why")
  public AuditViews.Summary userSummary(@PathParam("userId") String userId) {
    return service.summary(
        new AuditFilter(userId, null, null, null, null, null, null, null, null, null),
        userId,
        true);
  }

  @GET
  @Path("/summary/subjects/{subjectId}")
  @Operation(summary = "Who touched one subject's record, when and why")
  public AuditViews.Summary subjectSummary(@PathParam("subjectId") String subjectId) {
    return service.summary(
        new AuditFilter(null, null, null, "SUBJECT", subjectId, null, null, null, null, null),
        subjectId,
        false);
  }

  static AuditFilter filter(
      String user,
      String role,
      String centre,
      String subject,
      String document,
      String targetType,
      String targetId,
      String action,
      String outcome,
      String breakGlass,
      String from,
      String to) {
    if (subject != null && document != null) {
      throw VaultException.badRequest("invalid-filter", "Give subject or document, not both.");
    }
    String type = targetType;
    String id = targetId;
    if (subject != null) {
      type = "SUBJECT";
      id = subject;
    } else if (document != null) {
      type = "DOCUMENT";
      id = document;
    }
    if (outcome != null && !OUTCOMES.contains(outcome)) {
      throw VaultException.badRequest("invalid-filter", "outcome must be one of " + OUTCOMES + ".");
    }
    Boolean bg = null;
    if (breakGlass != null) {
      if (!breakGlass.equals("true") && !breakGlass.equals("false")) {
        throw VaultException.badRequest("invalid-filter", "breakGlass must be true or false.");
      }
      bg = Boolean.valueOf(breakGlass);
    }
    return new AuditFilter(
        blank(user),
        blank(role),
        blank(centre),
        type,
        id,
        blank(action),
        outcome,
        bg,
        time("from", from),
        time("to", to));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Instant time(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw VaultException.badRequest(
          "invalid-filter", name + " must be an ISO-8601 instant such as 2026-11-25T00:00:00Z.");
    }
  }

  private static long number(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException | NullPointerException e) {
      throw VaultException.badRequest("invalid-proof-request", name + " must be a whole number.");
    }
  }
}

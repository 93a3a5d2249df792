package org.zhusan.vault.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.BreakGlassSessions;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.PageRequest;

/** {@code /api/audit/break-glass}: the auditors' review queue of break-glass sessions. */
@Path("/audit/break-glass")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class BreakGlassReviewResource {
  @Inject Review review;

  public record ReviewNote(String note) {}

  @GET
  @Operation(
      summary =
          "Break-glass sessions: pending=true (default) those not yet reviewed, oldest first;"
              + " pending=false all of them, newest first (AUDITOR)")
  public List<BreakGlassSessions.Session> queue(
      @QueryParam("pending") String pending,
      @QueryParam("offset") String offset,
      @QueryParam("limit") String limit) {
    PageRequest p = PageRequest.of(offset, limit);
    return review.queue(!"false".equals(pending), p);
  }

  @POST
  @Path("{id}/review")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Mark a break-glass session reviewed, with a note (AUDITOR)")
  public BreakGlassSessions.Session markReviewed(@PathParam("id") String id, ReviewNote body) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw VaultException.notFound("The break-glass session");
    }
    return review.markReviewed(uuid, body == null ? null : body.note());
  }

  /** The transactional side. */
  @ApplicationScoped
  @AuditedService
  public static class Review {
    @Inject Gatekeeper gatekeeper;
    @Inject BreakGlassSessions sessions;

    @Transactional
    public List<BreakGlassSessions.Session> queue(boolean pendingOnly, PageRequest p) {
      gatekeeper.require(Action.LOG_READ, "LOG", "break-glass-queue", null, null);
      return sessions.queue(pendingOnly, p.offset(), p.limit());
    }

    @Transactional
    public BreakGlassSessions.Session markReviewed(UUID id, String note) {
      if (note == null || note.isBlank() || note.length() > 2000) {
        throw VaultException.badRequest(
            "note-required", "A review note (1 to 2000 characters) is required.");
      }
      gatekeeper.require(Action.LOG_REVIEW, "BREAK_GLASS", id.toString(), null, null);
      if (sessions.byId(id).isEmpty()) {
        throw VaultException.notFound("The break-glass session");
      }
      if (!sessions.review(id, gatekeeper.caller().userId(), note.strip(), Instant.now())) {
        throw VaultException.conflict(
            "already-reviewed", "This break-glass session has already been reviewed.");
      }
      return sessions.byId(id).orElseThrow();
    }
  }
}

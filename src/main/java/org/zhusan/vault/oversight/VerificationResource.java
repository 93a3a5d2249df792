package org.zhusan.vault.oversight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.Audited;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.PathIds;

/**
 * {@code /api/audit/verifications}: "verify now" as a job that reports its progress (AUDITOR).
 * Start one with POST (202, or the one already running), then poll it with GET until its state is
 * DONE or FAILED. Each call is recorded in the log.
 */
@Path("/audit/verifications")
@Produces(MediaType.APPLICATION_JSON)
@Audited
public class VerificationResource {
  @Inject Verifications service;
  @Inject VerificationJobs jobs;

  @POST
  @Operation(
      summary =
          "Start verifying the whole log on the server (or return the verification already"
              + " running); 202 with the job to poll")
  public Response start() {
    Verifications.Started started = service.authorizeStart();
    VerificationJobs.View job = jobs.start(started.permit(), started.userId()).view();
    return Response.accepted(job)
        .location(URI.create("/api/audit/verifications/" + job.id()))
        .build();
  }

  @GET
  @Operation(summary = "Recent verifications of this server, newest first")
  public List<VerificationJobs.View> recent() {
    service.authorizeRead("verifications");
    return jobs.recent().stream().map(VerificationJobs.Job::view).toList();
  }

  @GET
  @Path("{id}")
  @Operation(
      summary =
          "One verification: state, phase, entries done of total, rate, and the result (OK, or the"
              + " first problem)")
  public VerificationJobs.View get(@PathParam("id") String id) {
    UUID uuid = PathIds.uuid(id, "verification");
    service.authorizeRead("verification:" + uuid);
    return jobs.get(uuid).orElseThrow(() -> VaultException.notFound("The verification")).view();
  }

  /** The transactional, audited side. */
  @ApplicationScoped
  @AuditedService
  public static class Verifications {
    @Inject Gatekeeper gatekeeper;
    @Inject AuditService audit;

    /** A recorded decision to verify: the permit the job needs, and who asked. */
    public record Started(AuditService.VerifyPermit permit, String userId) {}

    /** Records the decision to verify (as {@code GET /audit/verify} does). */
    @Transactional
    public Started authorizeStart() {
      return new Started(audit.authorizeVerify(), gatekeeper.caller().userId());
    }

    @Transactional
    public void authorizeRead(String what) {
      gatekeeper.require(Action.LOG_READ, Target.log(what));
    }
  }
}

package org.zhusan.vault.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** The one place where exceptions become RFC 9457 problem JSON. */
public final class ProblemExceptionMappers {
  private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class.getName());

  private ProblemExceptionMappers() {}

  /** Domain exceptions carry their problem. */
  @Provider
  public static class Domain implements ExceptionMapper<VaultException> {
    @Context HttpServletRequest request;

    @Override
    public Response toResponse(VaultException e) {
      return e.problem().withInstance(RequestIds.of(request)).toResponse();
    }
  }

  /** Bean Validation failures at the edge: 400 naming each invalid parameter (not its value). */
  @Provider
  public static class Validation implements ExceptionMapper<ConstraintViolationException> {
    @Context HttpServletRequest request;

    @Override
    public Response toResponse(ConstraintViolationException e) {
      String detail =
          e.getConstraintViolations().stream()
              .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
              .map(ProblemExceptionMappers::describe)
              .collect(Collectors.joining("; "));
      return Problem.of(400, "invalid-request", "Invalid request", detail)
          .withInstance(RequestIds.of(request))
          .toResponse();
    }
  }

  /** A missing or unknown purpose of use. */
  @Provider
  public static class PurposeMapper
      implements ExceptionMapper<org.zhusan.vault.access.policy.PurposeException> {
    @Context HttpServletRequest request;

    @Override
    public Response toResponse(org.zhusan.vault.access.policy.PurposeException e) {
      return Problem.of(
              400,
              e.missing() ? "purpose-required" : "invalid-purpose",
              "Purpose of use",
              e.getMessage())
          .withInstance(RequestIds.of(request))
          .toResponse();
    }
  }

  /** JAX-RS's own errors (unknown path, wrong method, unsupported media type, forbidden …). */
  @Provider
  public static class Web implements ExceptionMapper<WebApplicationException> {
    @Context HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      Problem p;
      if (e instanceof NotAuthorizedException) {
        p = Problem.of(401, "unauthenticated", "Unauthorized", "A valid bearer token is required.");
      } else if (status == 403) {
        p = Problem.of(403, "forbidden", "Forbidden", "Your roles do not allow this operation.");
      } else if (e instanceof NotFoundException) {
        p = Problem.of(404, "not-found", "Not found", "No such resource.");
      } else if (e instanceof NotAllowedException) {
        p =
            Problem.of(
                405,
                "method-not-allowed",
                "Method not allowed",
                "This resource does not support that method.");
      } else if (e instanceof NotSupportedException) {
        p =
            Problem.of(
                415,
                "unsupported-media-type",
                "Unsupported media type",
                "The request body has an unsupported Content-Type.");
      } else if (status >= 500) {
        LOG.log(Level.WARNING, "request " + RequestIds.of(request) + " failed", e);
        p =
            Problem.of(
                status,
                "server-error",
                "Server error",
                "The request failed; quote the instance id to an administrator.");
      } else {
        p =
            Problem.of(
                status,
                "http-" + status,
                Response.Status.fromStatusCode(status) == null
                    ? "Error"
                    : Response.Status.fromStatusCode(status).getReasonPhrase(),
                "The request could not be processed.");
      }
      return p.withInstance(RequestIds.of(request)).toResponse();
    }
  }

  /**
   * A transaction that failed to commit: if a domain exception made it fail (the access log
   * refusing just before commit, say), that exception's problem; else as {@link Unexpected}.
   * Registered for this type so that it takes precedence over Jersey's own mapper for it.
   */
  @Provider
  @jakarta.annotation.Priority(1)
  public static class TransactionFailed
      implements ExceptionMapper<jakarta.transaction.TransactionalException> {
    @Context HttpServletRequest request;

    @Override
    public Response toResponse(jakarta.transaction.TransactionalException e) {
      return unexpected(e, request);
    }
  }

  /**
   * Anything else is a bug or an outage. The message is not shown (it could quote data); the stack
   * trace goes to the log under the request id.
   */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    @Context HttpServletRequest request;

    @Override
    public Response toResponse(Throwable e) {
      return unexpected(e, request);
    }
  }

  private static Response unexpected(Throwable e, HttpServletRequest request) {
    String id = RequestIds.of(request);
    java.util.Optional<VaultException> domain = VaultException.within(e);
    if (domain.isPresent()) {
      return domain.get().problem().withInstance(id).toResponse();
    }
    LOG.log(Level.SEVERE, "request " + id + " failed: " + e.getClass().getName());
    LOG.log(Level.FINE, "request " + id, e);
    return Problem.of(
            500,
            "server-error",
            "Server error",
            "The request failed; quote the instance id to an administrator.")
        .withInstance(id)
        .toResponse();
  }

  private static String describe(ConstraintViolation<?> v) {
    String path = v.getPropertyPath().toString();
    int dot = path.lastIndexOf('.');
    return (dot >= 0 ? path.substring(dot + 1) : path) + " " + v.getMessage();
  }
}

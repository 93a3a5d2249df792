package org.zhusan.vault.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.zhusan.vault.access.policy.PurposeException;
import org.zhusan.vault.platform.problem.Problem;
import org.zhusan.vault.platform.problem.RequestIds;

/**
 * The policy's refusal of a missing or unknown purpose of use, as a 400 problem. The one mapping of
 * that exception; it lives here rather than with the platform's mappers because the platform sits
 * below every capability and must not know the policy.
 */
@Provider
public class PurposeMapper implements ExceptionMapper<PurposeException> {
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(PurposeException e) {
    return Problem.of(
            400,
            e.missing() ? "purpose-required" : "invalid-purpose",
            "Purpose of use",
            e.getMessage())
        .withInstance(RequestIds.of(request))
        .toResponse();
  }
}

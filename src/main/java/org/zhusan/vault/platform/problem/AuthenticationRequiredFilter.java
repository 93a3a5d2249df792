package org.zhusan.vault.platform.problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Every {@code /api} resource needs an authenticated caller. MP-JWT rejects bad tokens itself; this
 * filter rejects requests that carry none, before any resource or audit code runs.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class AuthenticationRequiredFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext ctx) {
    if (ctx.getSecurityContext().getUserPrincipal() == null) {
      ctx.abortWith(
          jakarta.ws.rs.core.Response.fromResponse(
                  Problem.of(401, "unauthenticated", "Unauthorized", "A valid bearer token is required.")
                      .toResponse())
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
              .build());
    }
  }
}

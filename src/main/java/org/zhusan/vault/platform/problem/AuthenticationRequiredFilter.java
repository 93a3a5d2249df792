package org.zhusan.vault.platform.problem;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.zhusan.vault.platform.rest.Anonymous;

/**
 * Every {@code /api} resource needs an authenticated caller. MP-JWT rejects bad tokens itself; this
 * filter rejects requests that carry none, before any resource or audit code runs — except for the
 * few resources marked {@link Anonymous}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
public class AuthenticationRequiredFilter implements ContainerRequestFilter {
  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext ctx) {
    if (anonymous()) {
      return;
    }
    if (ctx.getSecurityContext().getUserPrincipal() == null) {
      ctx.abortWith(
          jakarta.ws.rs.core.Response.fromResponse(
                  Problem.of(
                          401,
                          "unauthenticated",
                          "Unauthorized",
                          "A valid bearer token is required.")
                      .toResponse())
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
              .build());
    }
  }

  private boolean anonymous() {
    if (resource == null || resource.getResourceMethod() == null) {
      return false;
    }
    return resource.getResourceMethod().isAnnotationPresent(Anonymous.class)
        || resource.getResourceClass().isAnnotationPresent(Anonymous.class);
  }
}

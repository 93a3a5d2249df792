package org.zhusan.vault.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Refuses (400, naming the parameter) a request whose path or query is not strict UTF-8 or holds a
 * control character, before it is matched to a resource. So no malformed value reaches a service, a
 * SQL parameter or the access log. (The container itself already refuses a raw {@code %00} in a
 * path, before any application code runs: see README, "Bad input".)
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class MalformedUriFilter implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext ctx) {
    URI uri = ctx.getUriInfo().getRequestUri();
    try {
      QueryString.parse(uri.getRawQuery());
      for (String segment : uri.getRawPath().split("/", -1)) {
        QueryString.decodePathSegment(segment);
      }
    } catch (QueryString.MalformedQueryException e) {
      throw VaultException.badRequest("malformed-uri", e.getMessage());
    }
  }
}

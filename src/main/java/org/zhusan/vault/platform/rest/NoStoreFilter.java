package org.zhusan.vault.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Every {@code /api} answer — about a subject, a document, the access log, a search, and every
 * problem+json error — is marked {@code Cache-Control: no-store}, so that no browser, proxy or
 * gateway keeps a copy of identifying fields or document metadata. One filter rather than a header
 * per resource, so a new endpoint cannot forget it. An answer that set its own Cache-Control (a
 * download: {@code private, no-store}) keeps it. {@code Pragma} is left out: HTTP/1.0 caches are
 * not in the path, and RFC 9111 deprecates it.
 *
 * <p>Container errors raised before JAX-RS runs get the same header from {@link
 * org.zhusan.vault.platform.problem.ContainerErrorServlet}.
 */
@Provider
public class NoStoreFilter implements ContainerResponseFilter {
  public static final String NO_STORE = "no-store";

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
    }
  }
}

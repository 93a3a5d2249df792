package org.zhusan.vault.audit;

import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.zhusan.vault.platform.problem.RequestIds;

/** Where the current request came from (client address, request id), for the access log. */
@Dependent
public class RequestOrigin {
  @Inject HttpServletRequest request;

  public String clientAddress() {
    try {
      return request.getRemoteAddr();
    } catch (ContextNotActiveException | IllegalStateException e) {
      return null;
    }
  }

  public String requestId() {
    try {
      return RequestIds.of(request);
    } catch (ContextNotActiveException | IllegalStateException e) {
      return null;
    }
  }
}

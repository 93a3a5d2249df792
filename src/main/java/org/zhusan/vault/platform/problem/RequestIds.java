package org.zhusan.vault.platform.problem;

import jakarta.servlet.ServletRequest;
import java.util.UUID;

/** One id per request, shared by the problem body, the logs and the access log. */
public final class RequestIds {
  static final String ATTRIBUTE = "org.zhusan.vault.requestId";

  private RequestIds() {}

  /** The id of this request, created on first use. */
  public static String of(ServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    if (id == null) {
      id = UUID.randomUUID().toString();
      request.setAttribute(ATTRIBUTE, id);
    }
    return id.toString();
  }
}

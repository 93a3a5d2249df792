package org.zhusan.vault.access;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Keeps invariant 4 when an allowed action fails: its transaction (and so its ALLOWED entry) rolled
 * back, so exactly one FAILED entry is written afterwards, outside that transaction.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditedInterceptor {
  @Inject Gatekeeper gatekeeper;

  @AroundInvoke
  Object around(InvocationContext ctx) throws Exception {
    try {
      return ctx.proceed();
    } catch (RuntimeException e) {
      // A domain exception may arrive wrapped (e.g. thrown while the transaction committed).
      VaultException domain = VaultException.within(e).orElse(null);
      if (domain == null) {
        gatekeeper.recordFailureIfPending("error: " + e.getClass().getSimpleName());
      } else if (!"audit-unavailable".equals(slug(domain))) {
        gatekeeper.recordFailureIfPending(slug(domain));
      }
      throw e;
    }
  }

  private static String slug(VaultException e) {
    String type = e.problem().type();
    return type.substring(type.lastIndexOf(':') + 1);
  }
}

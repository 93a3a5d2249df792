package org.zhusan.vault.access;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs inside the service's transaction (its priority is after the Jakarta Transactions
 * interceptor's) and appends the allowed entries as the method's last statements. Appending locks
 * the single log-head row until commit, which serialises all audited transactions; appending last
 * keeps that window to the insert and the commit. If the method throws, nothing is appended and the
 * transaction rolls back; {@link AuditedInterceptor} then records the failure. (Entries of actions
 * that change nothing are not appended in the transaction at all but committed in a batch just
 * before it commits; deferring them only keeps them out of the way of a failing method.)
 */
@AuditedService
@Interceptor
@Priority(Interceptor.Priority.APPLICATION + 10)
public class DeferredAuditInterceptor {
  @Inject Gatekeeper gatekeeper;

  @AroundInvoke
  Object around(InvocationContext ctx) throws Exception {
    try {
      gatekeeper.enterService();
    } catch (jakarta.enterprise.context.ContextNotActiveException e) {
      return ctx.proceed(); // background work (e.g. an export producer thread): nothing to defer
    }
    boolean success = false;
    try {
      Object result = ctx.proceed();
      success = true;
      return result;
    } finally {
      gatekeeper.exitService(success);
    }
  }
}

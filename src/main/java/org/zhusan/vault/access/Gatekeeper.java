package org.zhusan.vault.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.zhusan.vault.audit.AccessEvent;
import org.zhusan.vault.audit.AccessLog;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Enforces the policy decision and records it: an allowed decision is appended to the access log in
 * the caller's transaction (so it commits with the action); a denied one is appended in its own
 * transaction and then the request fails with 403 (or 404 where existence must not leak).
 */
@RequestScoped
public class Gatekeeper {
  @Inject CurrentUser currentUser;
  @Inject AccessPolicy policy;
  @Inject AccessLog accessLog;

  /** The allowed decision of this request, until the request succeeds (see {@link AuditedInterceptor}). */
  private AccessEvent pending;

  /** Depth of {@link AuditedService} calls; while above zero, allowed entries wait for its end. */
  private int scopeDepth;

  private final java.util.List<AccessEvent> deferred = new java.util.ArrayList<>();

  /** The caller. */
  public StaffUser caller() {
    return currentUser.get();
  }

  /**
   * Decides, records and (if denied) throws.
   *
   * @param centre the target's centre, or null for actions not tied to one
   */
  public AccessEvent require(Action action, String targetType, String targetId, String centre, String purpose) {
    StaffUser user = caller();
    AccessDecision d = policy.decide(user, action, centre);
    AccessEvent event = new AccessEvent(user.userId(), policy.roleUsed(user, action), centre, action.name(), targetType,
        targetId, purpose, null, d.allowed() ? "ALLOWED" : "DENIED", d.rule(), d.reason(), false);
    if (!d.allowed()) {
      accessLog.appendAlone(event);
      throw d.hideExistence() ? VaultException.notFound("The " + targetType.toLowerCase()) : VaultException.forbidden(d.reason());
    }
    if (scopeDepth > 0) {
      deferred.add(event);
    } else {
      accessLog.append(event);
    }
    pending = event;
    return event;
  }

  void enterService() {
    scopeDepth++;
  }

  /**
   * Ends an {@link AuditedService} call. On success of the outermost one, appends the allowed
   * entries it deferred — still inside its transaction, as its last statements, so the log head is
   * locked only for the append and the commit rather than for the whole action.
   */
  void exitService(boolean success) {
    scopeDepth--;
    if (scopeDepth == 0) {
      java.util.List<AccessEvent> events = java.util.List.copyOf(deferred);
      deferred.clear();
      if (success) {
        events.forEach(accessLog::append);
      }
    }
  }

  /** Decides without enforcing or recording; the caller must record the outcome via {@link #require}. */
  public AccessDecision peek(Action action, String centre) {
    return policy.decide(caller(), action, centre);
  }

  /**
   * Called (by {@link AuditedInterceptor}) when a request whose access was allowed failed afterwards:
   * its transaction rolled back, taking the ALLOWED entry with it, so one FAILED entry is written in
   * a new transaction instead. Must run outside any transaction that holds the log head.
   */
  void recordFailureIfPending(String reason) {
    AccessEvent allowed = pending;
    pending = null;
    if (allowed != null) {
      accessLog.appendAlone(allowed.withOutcome("FAILED", allowed.rule(), reason));
    }
  }

  /** Records, in a transaction of its own, that an allowed action failed part-way (e.g. integrity). */
  public void recordFailureNow(Action action, String targetType, String targetId, String reason) {
    StaffUser user = caller();
    accessLog.appendAlone(new AccessEvent(user.userId(), policy.roleUsed(user, action), null, action.name(), targetType,
        targetId, null, null, "FAILED", "integrity", reason, false));
  }

  /** Records a decision made outside {@link #require} (e.g. a lookup of something that does not exist). */
  public void recordDenied(Action action, String targetType, String targetId, String rule, String reason) {
    StaffUser user = caller();
    accessLog.appendAlone(new AccessEvent(user.userId(), policy.roleUsed(user, action), null, action.name(), targetType,
        targetId, null, null, "DENIED", rule, reason, false));
  }
}

package org.zhusan.vault.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.access.policy.Grant;
import org.zhusan.vault.access.policy.Operation;
import org.zhusan.vault.access.policy.Policy;
import org.zhusan.vault.access.policy.PolicyDecision;
import org.zhusan.vault.access.policy.Purpose;
import org.zhusan.vault.access.policy.SubjectFields;
import org.zhusan.vault.access.policy.SubjectRead;
import org.zhusan.vault.audit.AccessEvent;
import org.zhusan.vault.audit.AccessLog;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Enforces the policy decision and records it: an allowed decision is appended to the access log in
 * the caller's transaction (so it commits with the action), or for an action that changes nothing,
 * committed just before that transaction commits; a denied one is appended at once and then the
 * request fails with 403 (or 404 where existence must not leak).
 */
@RequestScoped
public class Gatekeeper {
  @Inject CurrentUser currentUser;
  @Inject AccessPolicy policy;
  @Inject AccessLog accessLog;
  @Inject Grants grants;
  @Inject BreakGlassSessions breakGlassSessions;

  /**
   * The allowed decision of this request, until the request succeeds (see {@link
   * AuditedInterceptor}).
   */
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
  public AccessEvent require(
      Action action, String targetType, String targetId, String centre, String purpose) {
    StaffUser user = caller();
    return enforce(
        user,
        policy.decide(user, action, centre),
        action,
        targetType,
        targetId,
        centre,
        purpose,
        null,
        false);
  }

  /**
   * Decides and records a read of subjects (one, a centre's list, a lookup): the entry names the
   * field set disclosed — action {@code SUBJECT_READ_SENSITIVE} and rule {@code
   * subject:<ROLE>:read-identifying} for identifying fields, else {@code plain} with rule {@code
   * subject:<ROLE>:read-name} or {@code :read-metadata}; the reason ends with {@code Fields
   * disclosed: <FIELDS>.} Denied → 403/404.
   *
   * @param centre the subjects' centre, or null for a read across the caller's centres (roles only)
   * @return the fields the caller may be shown
   */
  public SubjectFields requireSubjectRead(
      Action plain, String targetType, String targetId, String centre) {
    return requireSubjectRead(plain, targetType, targetId, centre, SubjectFields.METADATA);
  }

  /**
   * As {@link #requireSubjectRead(Action, String, String, String)}, refused unless the caller may
   * see at least {@code atLeast}: a lookup by IIN needs identifying fields, one by name at least
   * the name, so that a lookup never turns a value the caller may not see into a record (the denial
   * names the missing right, e.g. {@code subject:THEOLOGIAN:read-name}).
   */
  public SubjectFields requireSubjectRead(
      Action plain, String targetType, String targetId, String centre, SubjectFields atLeast) {
    StaffUser user = caller();
    SubjectRead read = policy.decideSubjectRead(user, centre);
    PolicyDecision d = read.decision();
    if (d.allowed() && read.fields().compareTo(atLeast) < 0) {
      d = policy.decideSubject(user, centre, atLeast.operation());
    }
    Action action =
        d.allowed() && read.fields().showsIdentifying() ? Action.SUBJECT_READ_SENSITIVE : plain;
    enforce(user, d, action, targetType, targetId, centre, null, null, false);
    return read.fields();
  }

  /**
   * Decides without enforcing or recording; the caller must record the outcome via {@link
   * #require}.
   */
  public PolicyDecision peek(Action action, String centre) {
    return policy.decide(caller(), action, centre);
  }

  /**
   * Content access to one document: the role × type matrix first; for reads the policy denies, a
   * live grant to the caller, then an active break-glass session of the caller. The purpose must be
   * one the caller's role may state. Exactly one entry is recorded.
   */
  public AccessEvent requireDocument(
      Action action,
      String documentType,
      UUID documentId,
      UUID versionId,
      String centre,
      Purpose purpose) {
    StaffUser user = caller();
    Policy rules = policy.policy();
    PolicyDecision d = policy.decideDocument(user, action, documentType, centre);
    boolean breakGlass = false;
    String justification = null;
    Purpose stated = purpose;
    String target = documentId + (versionId == null ? "" : "/" + versionId);
    if (!d.allowed() && action == Action.DOCUMENT_READ) {
      Instant now = Instant.now();
      for (Grant g : grants.liveFor(user.userId(), documentId, now)) {
        PolicyDecision viaGrant =
            rules.decideWithGrant(
                user,
                g,
                documentId.toString(),
                versionId == null ? null : versionId.toString(),
                now,
                Operation.READ);
        if (viaGrant.allowed()) {
          d = viaGrant;
          stated = g.purpose();
          break;
        }
      }
      if (!d.allowed()) {
        Optional<BreakGlassSessions.Session> session =
            breakGlassSessions.active(user.userId(), documentId, now);
        if (session.isPresent()) {
          PolicyDecision under =
              rules.decideUnderBreakGlass(user, session.get().expiresAt(), now, Operation.READ);
          if (under.allowed()) {
            d = under;
            breakGlass = true;
            justification = session.get().justification();
          }
        }
      }
    }
    if (d.allowed() && stated != null && !breakGlass) {
      PolicyDecision p = rules.decidePurpose(user, stated);
      if (!p.allowed()) {
        d = p;
      }
    }
    return enforce(
        user,
        d,
        action,
        "DOCUMENT",
        target,
        centre,
        stated == null ? null : stated.name(),
        justification,
        breakGlass);
  }

  /** Records a break-glass opening (allowed or refused) and returns the event; refused → 403. */
  public AccessEvent requireBreakGlass(
      PolicyDecision d, UUID documentId, String centre, String justification) {
    StaffUser user = caller();
    return enforce(
        user,
        d,
        Action.BREAK_GLASS,
        "DOCUMENT",
        documentId.toString(),
        centre,
        Purpose.EMERGENCY.name(),
        justification,
        true);
  }

  /** Records a decision the caller made with the policy itself (grants); refused → 403/404. */
  public AccessEvent enforceDecision(
      PolicyDecision d,
      Action action,
      String targetType,
      String targetId,
      String centre,
      String purpose) {
    return enforce(caller(), d, action, targetType, targetId, centre, purpose, null, false);
  }

  private AccessEvent enforce(
      StaffUser user,
      PolicyDecision d,
      Action action,
      String targetType,
      String targetId,
      String centre,
      String purpose,
      String justification,
      boolean breakGlass) {
    AccessEvent event =
        new AccessEvent(
            user.userId(),
            d.roleForLog(user),
            centre,
            action.name(),
            targetType,
            targetId,
            purpose,
            justification,
            d.allowed() ? "ALLOWED" : "DENIED",
            d.rule(),
            d.reason(),
            breakGlass);
    if (!d.allowed()) {
      accessLog.appendAlone(event);
      throw d.hideExistence()
          ? VaultException.notFound("The " + targetType.toLowerCase())
          : VaultException.forbidden(d.reason());
    }
    if (scopeDepth > 0) {
      deferred.add(event);
    } else {
      record(event);
    }
    pending = event;
    return event;
  }

  /** Appends an allowed entry: with the action if it changes state, else just before its commit. */
  private void record(AccessEvent allowed) {
    if (Action.valueOf(allowed.action()).changesState()) {
      accessLog.append(allowed);
    } else {
      accessLog.appendBeforeCommit(allowed);
    }
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
        events.forEach(this::record);
      }
    }
  }

  /**
   * Called (by {@link AuditedInterceptor}) when a request whose access was allowed failed
   * afterwards: its transaction rolled back, taking the ALLOWED entry with it, so one FAILED entry
   * is written in a new transaction instead. Must run outside any transaction that holds the log
   * head.
   */
  void recordFailureIfPending(String reason) {
    AccessEvent allowed = pending;
    pending = null;
    if (allowed != null) {
      accessLog.appendAlone(allowed.withOutcome("FAILED", allowed.rule(), reason));
    }
  }

  /**
   * Records, in a transaction of its own, that an allowed action failed part-way; {@code rule}
   * names the kind of failure ({@code integrity} for stored data that failed authentication, {@code
   * storage} for data that could not be read).
   */
  public void recordFailureNow(
      Action action, String targetType, String targetId, String rule, String reason) {
    StaffUser user = caller();
    accessLog.appendAlone(
        new AccessEvent(
            user.userId(),
            allRoles(user),
            null,
            action.name(),
            targetType,
            targetId,
            null,
            null,
            "FAILED",
            rule,
            reason,
            false));
  }

  /**
   * Records a decision made outside {@link #require} (e.g. a lookup of something that does not
   * exist).
   */
  public void recordDenied(
      Action action, String targetType, String targetId, String rule, String reason) {
    StaffUser user = caller();
    accessLog.appendAlone(
        new AccessEvent(
            user.userId(),
            allRoles(user),
            null,
            action.name(),
            targetType,
            targetId,
            null,
            null,
            "DENIED",
            rule,
            reason,
            false));
  }

  /** The caller's roles, joined, for entries where no single role decided. */
  private static String allRoles(StaffUser user) {
    String roles = String.join("+", user.roles().stream().map(Enum::name).sorted().toList());
    return roles.isEmpty() ? "NONE" : roles;
  }
}

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
import org.zhusan.vault.access.policy.Role;
import org.zhusan.vault.access.policy.StaffUser;
import org.zhusan.vault.access.policy.SubjectFields;
import org.zhusan.vault.access.policy.SubjectRead;
import org.zhusan.vault.audit.AccessEvent;
import org.zhusan.vault.audit.AccessLog;
import org.zhusan.vault.audit.Outcome;
import org.zhusan.vault.audit.Target;
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
  @Inject SharingLookup sharing;

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
  public AccessEvent require(Action action, Target target, String centre) {
    StaffUser user = caller();
    return enforce(
        user, policy.decide(user, action, centre), action, target, centre, null, null, false);
  }

  /**
   * As {@link #require(Action, Target, String)} for an action not tied to a centre (keys, the log
   * …).
   */
  public AccessEvent require(Action action, Target target) {
    return require(action, target, null);
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
  public SubjectFields requireSubjectRead(Action plain, Target target, String centre) {
    return requireSubjectRead(plain, target, centre, SubjectFields.METADATA);
  }

  /**
   * As {@link #requireSubjectRead(Action, Target, String)}, refused unless the caller may see at
   * least {@code atLeast}: a lookup by IIN needs identifying fields, one by name at least the name,
   * so that a lookup never turns a value the caller may not see into a record (the denial names the
   * missing right, e.g. {@code subject:THEOLOGIAN:read-name}).
   */
  public SubjectFields requireSubjectRead(
      Action plain, Target target, String centre, SubjectFields atLeast) {
    StaffUser user = caller();
    SubjectRead read = policy.decideSubjectRead(user, centre);
    PolicyDecision d = read.decision();
    if (d.allowed() && read.fields().compareTo(atLeast) < 0) {
      d = policy.decideSubject(user, centre, atLeast.operation());
    }
    Action action =
        d.allowed() && read.fields().showsIdentifying() ? Action.SUBJECT_READ_SENSITIVE : plain;
    enforce(user, d, action, target, centre, null, null, false);
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
    if (!d.allowed() && action == Action.DOCUMENT_READ) {
      Instant now = Instant.now();
      for (Grant g : sharing.liveGrants(user.userId(), documentId, now)) {
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
        Optional<SharingLookup.OpenBreakGlass> session =
            sharing.openBreakGlass(user.userId(), documentId, now);
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
        Target.document(documentId, versionId),
        centre,
        stated,
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
        Target.document(documentId),
        centre,
        Purpose.EMERGENCY,
        justification,
        true);
  }

  /** Records a decision the caller made with the policy itself (grants); refused → 403/404. */
  public AccessEvent enforceDecision(
      PolicyDecision d, Action action, Target target, String centre, Purpose purpose) {
    return enforce(caller(), d, action, target, centre, purpose, null, false);
  }

  private AccessEvent enforce(
      StaffUser user,
      PolicyDecision d,
      Action action,
      Target target,
      String centre,
      Purpose purpose,
      String justification,
      boolean breakGlass) {
    AccessEvent event =
        new AccessEvent(
            user.userId(),
            d.roleForLog(user),
            centre,
            action,
            target,
            purpose == null ? null : purpose.name(),
            justification,
            d.allowed() ? Outcome.ALLOWED : Outcome.DENIED,
            d.rule(),
            d.reason(),
            breakGlass);
    if (!d.allowed()) {
      accessLog.appendAlone(event);
      throw d.hideExistence()
          ? VaultException.notFound("The " + target.type().noun())
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
    if (allowed.action().changesState()) {
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
      accessLog.appendAlone(allowed.withOutcome(Outcome.FAILED, allowed.rule(), reason));
    }
  }

  /**
   * Records, in a transaction of its own, that an allowed action failed part-way; the entry's rule
   * names the kind of failure.
   */
  public void recordFailureNow(Action action, Target target, Failure kind, String reason) {
    appendUndecided(action, target, Outcome.FAILED, kind.rule(), reason);
  }

  /**
   * Records the refusal of an attempt on something that was destroyed (rule {@code destroyed}),
   * before the caller answers 410 — for every caller, whatever the policy would have said.
   */
  public void recordDestroyed(Action action, Target target, String reason) {
    appendUndecided(action, target, Outcome.DENIED, "destroyed", reason);
  }

  /**
   * Records the refusal of an attempt on something that does not exist (rule {@code not-found},
   * reason {@code no such <target>}), before the caller answers 404.
   */
  public void recordNotFound(Action action, Target target) {
    appendUndecided(action, target, Outcome.DENIED, "not-found", "no such " + target.type().noun());
  }

  /**
   * Appends at once an entry no single role decided (so it names all the caller's roles), in a
   * transaction of its own.
   */
  private void appendUndecided(
      Action action, Target target, Outcome outcome, String rule, String reason) {
    StaffUser user = caller();
    accessLog.appendAlone(
        new AccessEvent(
            user.userId(),
            Role.joined(user.roles()),
            null,
            action,
            target,
            null,
            null,
            outcome,
            rule,
            reason,
            false));
  }

  /** Why an allowed action failed part-way, as the rule of its FAILED entry. */
  public enum Failure {
    /** Stored data failed authentication: tampering or corruption, an integrity alarm. */
    INTEGRITY("integrity"),
    /** Stored data could not be read (missing, unreadable); not evidence of tampering. */
    STORAGE("storage");

    private final String rule;

    Failure(String rule) {
      this.rule = rule;
    }

    public String rule() {
      return rule;
    }
  }
}

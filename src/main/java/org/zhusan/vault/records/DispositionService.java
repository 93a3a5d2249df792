package org.zhusan.vault.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.access.policy.PolicyDecision;
import org.zhusan.vault.access.policy.Role;
import org.zhusan.vault.access.policy.StaffUser;
import org.zhusan.vault.audit.AccessEvent;
import org.zhusan.vault.audit.AccessLog;
import org.zhusan.vault.audit.Outcome;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.documents.Document;
import org.zhusan.vault.platform.problem.Problem;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.BodyFields;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;
import org.zhusan.vault.records.RecordsViews.DispositionView;
import org.zhusan.vault.records.RecordsViews.ExtendRequest;
import org.zhusan.vault.records.RecordsViews.ProposeRequest;
import org.zhusan.vault.records.RecordsViews.ScanView;

/**
 * The disposition queue: the scan (scheduled, or run now by a proposer), the listing, and the two
 * decisions on an item — a proposal, then an approval by a different person, after which the
 * document is destroyed ({@link Destruction}); or, for a REVIEW item, an extension with a reason.
 * Every decision is in the access log, allowed or denied; every refusal is problem JSON.
 */
@ApplicationScoped
@AuditedService
public class DispositionService {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject Gatekeeper gatekeeper;
  @Inject RecordsPolicy policy;
  @Inject Schedule schedule;
  @Inject DispositionScan scan;
  @Inject Holds holds;
  @Inject Destruction destruction;
  @Inject AccessLog accessLog;

  /** Run now, by a proposer. */
  @Transactional
  public ScanView scanNow() {
    gatekeeper.enforceDecision(
        policy.propose(gatekeeper.caller(), null),
        Action.DISPOSITION_SCAN,
        Target.disposition("scan"),
        null,
        null);
    return scan.run(schedule.current());
  }

  /** The timer's scan: no caller, so the vault itself is named in the log entry. */
  @Transactional
  public ScanView scheduledScan() {
    ScanView result = scan.run(schedule.current());
    accessLog.append(
        new AccessEvent(
            "vault",
            "SYSTEM",
            null,
            Action.DISPOSITION_SCAN,
            Target.disposition("scan"),
            null,
            null,
            Outcome.ALLOWED,
            "scheduled-scan",
            "scheduled disposition scan: "
                + result.queued()
                + " queued, "
                + result.onHold()
                + " on hold",
            false));
    return result;
  }

  /** The queue, filtered by state (OPEN = ELIGIBLE and PROPOSED), oldest due first. */
  @Transactional
  public Page<DispositionView> list(String stateParam, PageRequest page) {
    List<Disposition.State> states = states(stateParam);
    StaffUser user = gatekeeper.caller();
    PolicyDecision d =
        policy.readsAnywhere(user)
            ? PolicyDecision.allow("disposition-read", "may read the disposition queue", null)
            : PolicyDecision.deny(
                "disposition-read",
                "Only those who propose or approve disposition, and auditors, see the queue.");
    gatekeeper.enforceDecision(d, Action.DISPOSITION_LIST, Target.disposition("queue"), null, null);
    RetentionSchedule s = schedule.current();
    Set<Role> deciders = new java.util.HashSet<>(s.proposeRoles());
    deciders.addAll(s.approveRoles());
    boolean everywhere = policy.vaultWide(user, deciders);
    String where = " where d.state in :states" + (everywhere ? "" : " and d.centre in :centres");
    var query =
        em.createQuery(
            "select d from Disposition d" + where + " order by d.dueOn, d.foundAt, d.id",
            Disposition.class);
    var count = em.createQuery("select count(d) from Disposition d" + where, Long.class);
    query.setParameter("states", states);
    count.setParameter("states", states);
    if (!everywhere) {
      List<String> centres = user.centres().isEmpty() ? List.of("") : List.copyOf(user.centres());
      query.setParameter("centres", centres);
      count.setParameter("centres", centres);
    }
    List<Disposition> found =
        query.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    // One query for the holds of the whole page, not one per item.
    java.util.Map<UUID, List<LegalHold>> held =
        holds.activeOn(found.stream().map(Disposition::subjectId).distinct().toList());
    List<DispositionView> items =
        found.stream()
            .map(x -> view(x, user, covering(held.getOrDefault(x.subjectId(), List.of()), x)))
            .toList();
    return new Page<>(items, page.offset(), page.limit(), count.getSingleResult());
  }

  @Transactional
  public DispositionView propose(UUID id, ProposeRequest request) {
    Disposition d = find(id, Action.DISPOSITION_PROPOSE);
    String reason =
        BodyFields.text(
            request == null ? null : request.reason(), "reason", Holds.MIN_REASON, Holds.MAX_TEXT);
    StaffUser user = gatekeeper.caller();
    PolicyDecision decision = policy.propose(user, d.centre());
    if (!decision.allowed()) {
      gatekeeper.enforceDecision(decision, Action.DISPOSITION_PROPOSE, target(d), d.centre(), null);
    }
    if (d.state() != Disposition.State.ELIGIBLE) {
      throw VaultException.conflict(
          "not-eligible",
          "Only an eligible item can be proposed; this one is " + stateWord(d) + ".");
    }
    refuseIfHeld(d, Action.DISPOSITION_PROPOSE);
    gatekeeper.enforceDecision(decision, Action.DISPOSITION_PROPOSE, target(d), d.centre(), null);
    d.propose(user.userId(), reason);
    return view(d, user);
  }

  @Transactional
  public DispositionView approve(UUID id) {
    Disposition d = find(id, Action.DISPOSITION_APPROVE);
    StaffUser user = gatekeeper.caller();
    PolicyDecision decision = policy.approve(user, d.centre());
    if (!decision.allowed()) {
      gatekeeper.enforceDecision(decision, Action.DISPOSITION_APPROVE, target(d), d.centre(), null);
    }
    if (d.state() != Disposition.State.PROPOSED) {
      throw VaultException.conflict(
          "not-proposed",
          "Only a proposed item can be approved; this one is " + stateWord(d) + ".");
    }
    if (d.proposedBy().orElseThrow().equals(user.userId())) {
      String why =
          "The same person can never both propose and approve a disposition; another "
              + Role.joined(schedule.current().approveRoles())
              + " must approve it.";
      try {
        gatekeeper.enforceDecision(
            PolicyDecision.deny("separation-of-duties", why),
            Action.DISPOSITION_APPROVE,
            target(d),
            d.centre(),
            null);
      } catch (VaultException denied) {
        throw new VaultException(Problem.of(403, "separation-of-duties", "Forbidden", why));
      }
    }
    refuseIfHeld(d, Action.DISPOSITION_APPROVE);
    Document doc = em.find(Document.class, d.documentId());
    if (doc.destroyed()) {
      throw VaultException.conflict("destroyed", "This document was already destroyed.");
    }
    if (doc.keyScheme() != Document.KeyScheme.DOCUMENT) {
      throw VaultException.conflict(
          "legacy-document-key",
          "This document was stored before per-document keys and is still sealed under the person's"
              + " key, so it cannot be destroyed on its own until it is re-sealed under its own key"
              + " (POST /api/admin/keys/document-keys/reseal; docs/records.md).");
    }
    gatekeeper.enforceDecision(decision, Action.DISPOSITION_APPROVE, target(d), d.centre(), null);
    Instant now = Instant.now();
    CertificateRecord certificate = destruction.destroy(d, doc, user.userId(), now);
    gatekeeper.enforceDecision(
        PolicyDecision.allow(
            "retention-schedule",
            "destroyed under disposition "
                + d.id()
                + "; certificate of destruction "
                + certificate.id()
                + " (key "
                + certificate.keyId()
                + ")",
            decision.roleUsed().orElse(null)),
        Action.DOCUMENT_DESTROY,
        Target.document(doc.id()),
        d.centre(),
        null);
    return view(d, user);
  }

  @Transactional
  public DispositionView extend(UUID id, ExtendRequest request) {
    Disposition d = find(id, Action.DISPOSITION_EXTEND);
    if (request == null) {
      throw VaultException.badRequest("body-required", "A JSON body is required.");
    }
    LocalDate until;
    try {
      until = LocalDate.parse(request.until() == null ? "" : request.until().strip());
    } catch (DateTimeParseException e) {
      throw VaultException.badRequest("invalid-until", "until must be a date (yyyy-MM-dd).");
    }
    if (!until.isAfter(LocalDate.now(ZoneOffset.UTC))) {
      throw VaultException.badRequest("invalid-until", "until must be a date in the future.");
    }
    String reason = BodyFields.text(request.reason(), "reason", Holds.MIN_REASON, Holds.MAX_TEXT);
    StaffUser user = gatekeeper.caller();
    PolicyDecision decision = policy.extend(user, d.centre());
    if (!decision.allowed()) {
      gatekeeper.enforceDecision(decision, Action.DISPOSITION_EXTEND, target(d), d.centre(), null);
    }
    if (d.rule().action() != DispositionAction.REVIEW) {
      throw VaultException.conflict(
          "not-review",
          "Only records whose rule says REVIEW can be kept longer; this rule says DESTROY.");
    }
    if (d.state() != Disposition.State.ELIGIBLE && d.state() != Disposition.State.PROPOSED) {
      throw VaultException.conflict(
          "not-open", "Only an open item can be extended; this one is " + stateWord(d) + ".");
    }
    gatekeeper.enforceDecision(decision, Action.DISPOSITION_EXTEND, target(d), d.centre(), null);
    d.extend(user.userId(), until, reason);
    return view(d, user);
  }

  private void refuseIfHeld(Disposition d, Action action) {
    List<LegalHold> covering = holds.covering(d.subjectId(), d.documentId());
    if (!covering.isEmpty()) {
      holds.refuse(action, target(d), d.centre(), covering);
    }
  }

  private Disposition find(UUID id, Action action) {
    Disposition d = em.find(Disposition.class, id);
    if (d == null) {
      gatekeeper.recordNotFound(action, Target.disposition(id.toString()));
      throw VaultException.notFound("The disposition");
    }
    return d;
  }

  private DispositionView view(Disposition d, StaffUser user) {
    return view(d, user, holds.covering(d.subjectId(), d.documentId()));
  }

  /** The active holds among {@code onSubject} that cover the item's document. */
  private static List<LegalHold> covering(List<LegalHold> onSubject, Disposition d) {
    return onSubject.stream()
        .filter(h -> h.documentId().map(d.documentId()::equals).orElse(true))
        .toList();
  }

  private DispositionView view(Disposition d, StaffUser user, List<LegalHold> covering) {
    boolean reasons = policy.extend(user, d.centre()).allowed();
    List<UUID> blocking =
        d.state() == Disposition.State.DESTROYED
            ? List.of()
            : covering.stream().map(LegalHold::id).toList();
    try {
      return DispositionView.of(d, reasons, blocking);
    } catch (VaultException gone) {
      return DispositionView.of(d, false, blocking); // the person was crypto-shredded
    }
  }

  private static Target target(Disposition d) {
    return Target.disposition(d.id().toString());
  }

  private static String stateWord(Disposition d) {
    return d.state().name().toLowerCase(Locale.ROOT);
  }

  private static List<Disposition.State> states(String raw) {
    String s = raw == null || raw.isBlank() ? "OPEN" : raw.strip().toUpperCase(Locale.ROOT);
    return switch (s) {
      case "OPEN" -> List.of(Disposition.State.ELIGIBLE, Disposition.State.PROPOSED);
      case "ALL" -> List.of(Disposition.State.values());
      default -> {
        try {
          yield List.of(Disposition.State.valueOf(s));
        } catch (IllegalArgumentException e) {
          throw VaultException.badRequest(
              "invalid-state",
              "state must be one of OPEN, ELIGIBLE, PROPOSED, EXTENDED, DESTROYED, ALL.");
        }
      }
    };
  }
}

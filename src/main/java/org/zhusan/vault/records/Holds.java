package org.zhusan.vault.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.access.policy.PolicyDecision;
import org.zhusan.vault.access.policy.Role;
import org.zhusan.vault.access.policy.StaffUser;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.documents.Document;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.BodyFields;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;
import org.zhusan.vault.records.RecordsViews.HoldRequest;
import org.zhusan.vault.records.RecordsViews.HoldView;
import org.zhusan.vault.records.RecordsViews.ReleaseRequest;
import org.zhusan.vault.subjects.ShredGuard;
import org.zhusan.vault.subjects.SubjectLookup;

/**
 * Legal holds: placed on a person or one of their documents by the retention file's hold roles of
 * the person's centre, with a reason and a case reference; listed; released with a reason. While a
 * hold stands, disposition and crypto-shredding are refused (409 naming the hold). Every placing,
 * release, listing and refusal is in the access log.
 */
@ApplicationScoped
@AuditedService
public class Holds implements ShredGuard {
  static final int MIN_REASON = 10;
  static final int MAX_TEXT = 1000;
  static final int MAX_CASE_REFERENCE = 200;

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject Gatekeeper gatekeeper;
  @Inject RecordsPolicy policy;
  @Inject SubjectLookup subjects;

  @Transactional
  public HoldView place(UUID subjectId, HoldRequest request) {
    String centre = centreOrRecord(subjectId, Action.HOLD_PLACE);
    if (request == null) {
      throw VaultException.badRequest("body-required", "A JSON body is required.");
    }
    String reason = BodyFields.text(request.reason(), "reason", MIN_REASON, MAX_TEXT);
    String caseReference =
        BodyFields.text(request.caseReference(), "caseReference", 1, MAX_CASE_REFERENCE);
    UUID documentId = null;
    if (request.documentId() != null) {
      documentId = BodyFields.uuid(request.documentId(), "documentId");
      Document doc = em.find(Document.class, documentId);
      if (doc == null || !doc.subjectId().equals(subjectId)) {
        throw VaultException.badRequest(
            "invalid-document", "documentId must be a document of this person.");
      }
    }
    Target target = documentId == null ? Target.subject(subjectId) : Target.document(documentId);
    gatekeeper.enforceDecision(
        policy.holds(gatekeeper.caller(), centre), Action.HOLD_PLACE, target, centre, null);
    LegalHold hold =
        new LegalHold(
            subjectId, documentId, centre, reason, caseReference, gatekeeper.caller().userId());
    em.persist(hold);
    return HoldView.of(hold, true);
  }

  @Transactional
  public HoldView release(UUID holdId, ReleaseRequest request) {
    LegalHold hold = em.find(LegalHold.class, holdId);
    if (hold == null) {
      gatekeeper.recordNotFound(Action.HOLD_RELEASE, Target.hold(holdId.toString()));
      throw VaultException.notFound("The legal hold");
    }
    if (request == null) {
      throw VaultException.badRequest("body-required", "A JSON body is required.");
    }
    String reason = BodyFields.text(request.reason(), "reason", MIN_REASON, MAX_TEXT);
    gatekeeper.enforceDecision(
        policy.holds(gatekeeper.caller(), hold.centre()),
        Action.HOLD_RELEASE,
        Target.hold(holdId.toString()),
        hold.centre(),
        null);
    if (!hold.active()) {
      throw VaultException.conflict("already-released", "This legal hold was already released.");
    }
    hold.release(gatekeeper.caller().userId(), reason);
    return HoldView.of(hold, true);
  }

  /** A person's holds, newest first, active and released. */
  @Transactional
  public List<HoldView> ofSubject(UUID subjectId) {
    String centre = centreOrRecord(subjectId, Action.HOLD_LIST);
    StaffUser user = gatekeeper.caller();
    gatekeeper.enforceDecision(
        policy.listHolds(user, centre), Action.HOLD_LIST, Target.subject(subjectId), centre, null);
    boolean reasons = policy.holds(user, centre).allowed();
    return em
        .createQuery(
            "select h from LegalHold h where h.subjectId = :s order by h.placedAt desc",
            LegalHold.class)
        .setParameter("s", subjectId)
        .getResultList()
        .stream()
        .map(h -> HoldView.of(h, reasons))
        .toList();
  }

  /** Holds across the caller's centres (every centre for ADMIN and AUDITOR), newest first. */
  @Transactional
  public Page<HoldView> list(boolean activeOnly, PageRequest page) {
    StaffUser user = gatekeeper.caller();
    boolean everywhere = user.hasRole(Role.ADMIN) || user.hasRole(Role.AUDITOR);
    PolicyDecision d = everywhere ? policy.listHolds(user, null) : policy.holds(user, null);
    gatekeeper.enforceDecision(d, Action.HOLD_LIST, Target.hold("list"), null, null);
    String where =
        (activeOnly ? " where h.releasedAt is null" : " where 1 = 1")
            + (everywhere ? "" : " and h.centre in :centres");
    var query =
        em.createQuery(
            "select h from LegalHold h" + where + " order by h.placedAt desc, h.id",
            LegalHold.class);
    var count = em.createQuery("select count(h) from LegalHold h" + where, Long.class);
    if (!everywhere) {
      var centres = user.centres().isEmpty() ? List.of("") : List.copyOf(user.centres());
      query.setParameter("centres", centres);
      count.setParameter("centres", centres);
    }
    List<HoldView> items =
        query.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
            .map(h -> HoldView.of(h, !everywhere || policy.holds(user, h.centre()).allowed()))
            .toList();
    return new Page<>(items, page.offset(), page.limit(), count.getSingleResult());
  }

  /** Active holds that cover the document (on it, or on its whole person). */
  public List<LegalHold> covering(UUID subjectId, UUID documentId) {
    return em.createQuery(
            "select h from LegalHold h where h.subjectId = :s and h.releasedAt is null and"
                + " (h.documentId is null or h.documentId = :d) order by h.placedAt",
            LegalHold.class)
        .setParameter("s", subjectId)
        .setParameter("d", documentId)
        .getResultList();
  }

  /** Active holds on anything of each of {@code subjects}, by person, oldest first. */
  java.util.Map<UUID, List<LegalHold>> activeOn(List<UUID> subjects) {
    if (subjects.isEmpty()) {
      return java.util.Map.of();
    }
    return em
        .createQuery(
            "select h from LegalHold h where h.subjectId in :s and h.releasedAt is null order by"
                + " h.placedAt",
            LegalHold.class)
        .setParameter("s", subjects)
        .getResultList()
        .stream()
        .collect(java.util.stream.Collectors.groupingBy(LegalHold::subjectId));
  }

  /** Active holds on anything of the person. */
  List<LegalHold> onSubject(UUID subjectId) {
    return em.createQuery(
            "select h from LegalHold h where h.subjectId = :s and h.releasedAt is null order by"
                + " h.placedAt",
            LegalHold.class)
        .setParameter("s", subjectId)
        .getResultList();
  }

  @Override
  public void refuseIfHeld(UUID subjectId, String centre) {
    List<LegalHold> holds = onSubject(subjectId);
    if (!holds.isEmpty()) {
      refuse(Action.SUBJECT_SHRED, Target.subject(subjectId), centre, holds);
    }
  }

  /**
   * Records a DENIED entry for {@code action} with rule {@code legal-hold} and answers 409 naming
   * the holds.
   */
  void refuse(Action action, Target target, String centre, List<LegalHold> holds) {
    String named = named(holds);
    try {
      gatekeeper.enforceDecision(
          PolicyDecision.deny("legal-hold", "under legal hold: " + named),
          action,
          target,
          centre,
          null);
    } catch (VaultException denied) {
      throw VaultException.conflict(
          "legal-hold",
          "This is under legal hold ("
              + named
              + "); nothing under a hold can be destroyed until it is released.");
    }
  }

  static String named(List<LegalHold> holds) {
    return String.join(
        "; ",
        holds.stream()
            .map(
                h ->
                    "hold "
                        + h.id()
                        + " on "
                        + (h.documentId().isPresent()
                            ? "document " + h.documentId().get()
                            : "the whole person")
                        + ", placed by "
                        + h.placedBy()
                        + " on "
                        + h.placedAt())
            .toList());
  }

  private String centreOrRecord(UUID subjectId, Action action) {
    Optional<String> centre = subjects.centreOf(subjectId);
    if (centre.isEmpty()) {
      gatekeeper.recordNotFound(action, Target.subject(subjectId));
      throw VaultException.notFound("The subject");
    }
    return centre.get();
  }
}

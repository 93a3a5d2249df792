package org.zhusan.vault.disclosure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.zhusan.vault.access.AccessPolicy;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.access.policy.PolicyDecision;
import org.zhusan.vault.access.policy.Role;
import org.zhusan.vault.access.policy.SubjectOperation;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.documents.Document;
import org.zhusan.vault.documents.DocumentExports;
import org.zhusan.vault.documents.content.DocumentType;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.BodyFields;
import org.zhusan.vault.subjects.SubjectLookup;

/**
 * Consent records: recorded by those who may file a CONSENT document for the person (the access
 * policy's write permission on CONSENT in the person's centre), with that signed CONSENT document
 * attached; revocable with a date and a reason, never deleted; listed on the person for those who
 * may see the person, and for auditors. Every step is in the access log.
 */
@ApplicationScoped
@AuditedService
public class Consents {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject Gatekeeper gatekeeper;
  @Inject AccessPolicy accessPolicy;
  @Inject SubjectLookup subjects;
  @Inject DocumentExports documents;

  @Transactional
  public DisclosureViews.ConsentView record(UUID subjectId, DisclosureViews.ConsentRequest r) {
    String centre = centreOrRecord(subjectId, Action.CONSENT_RECORD);
    if (r == null) {
      throw VaultException.badRequest("body-required", "A JSON body is required.");
    }
    Consent.GivenBy givenBy = parse(Consent.GivenBy.class, r.givenBy(), "givenBy");
    String guardian = BodyFields.optionalText(r.guardianName(), "guardianName", 200);
    if ((givenBy == Consent.GivenBy.GUARDIAN) != (guardian != null)) {
      throw VaultException.badRequest(
          "invalid-guardianName",
          "guardianName is required when a guardian consents, and only then.");
    }
    if (r.documentTypes() == null || r.documentTypes().isEmpty()) {
      throw VaultException.badRequest(
          "documentTypes-required", "documentTypes must name at least one document type.");
    }
    Set<DocumentType> types = EnumSet.noneOf(DocumentType.class);
    for (String t : r.documentTypes()) {
      types.add(parse(DocumentType.class, t, "documentTypes"));
    }
    RecipientKind kind = parse(RecipientKind.class, r.recipientKind(), "recipientKind");
    String recipient = BodyFields.optionalText(r.recipientName(), "recipientName", 200);
    String purpose = BodyFields.text(r.purpose(), "purpose", 3, 500);
    LocalDate until = date(r.validUntil(), "validUntil");
    if (until.isBefore(today())) {
      throw VaultException.badRequest("invalid-validUntil", "validUntil must not be in the past.");
    }
    UUID documentId = BodyFields.uuid(r.consentDocumentId(), "consentDocumentId");
    Optional<Document> doc = documents.find(documentId);
    if (doc.isEmpty()
        || !doc.get().subjectId().equals(subjectId)
        || doc.get().type() != DocumentType.CONSENT
        || doc.get().destroyed()) {
      throw VaultException.badRequest(
          "invalid-consentDocumentId",
          "consentDocumentId must be a CONSENT document of this person (upload the signed consent"
              + " first).");
    }
    gatekeeper.enforceDecision(
        accessPolicy.decideDocument(
            gatekeeper.caller(), Action.DOCUMENT_CREATE, DocumentType.CONSENT.name(), centre),
        Action.CONSENT_RECORD,
        Target.subject(subjectId),
        centre,
        null);
    Consent c =
        new Consent(
            subjectId,
            centre,
            givenBy,
            guardian,
            types,
            kind,
            recipient,
            purpose,
            until,
            documentId,
            gatekeeper.caller().userId());
    em.persist(c);
    return DisclosureViews.ConsentView.of(c, today());
  }

  @Transactional
  public DisclosureViews.ConsentView revoke(UUID consentId, DisclosureViews.RevokeRequest r) {
    Consent c = em.find(Consent.class, consentId);
    if (c == null) {
      gatekeeper.recordNotFound(Action.CONSENT_REVOKE, Target.consent(consentId));
      throw VaultException.notFound("The consent");
    }
    if (r == null) {
      throw VaultException.badRequest("body-required", "A JSON body is required.");
    }
    String reason = BodyFields.text(r.reason(), "reason", 3, 1000);
    LocalDate on =
        r.revokedOn() == null || r.revokedOn().isBlank()
            ? today()
            : date(r.revokedOn(), "revokedOn");
    if (on.isAfter(today())) {
      throw VaultException.badRequest("invalid-revokedOn", "revokedOn must not be in the future.");
    }
    gatekeeper.enforceDecision(
        accessPolicy.decideDocument(
            gatekeeper.caller(), Action.DOCUMENT_CREATE, DocumentType.CONSENT.name(), c.centre()),
        Action.CONSENT_REVOKE,
        Target.consent(consentId),
        c.centre(),
        null);
    if (c.revokedOn().isPresent()) {
      throw VaultException.conflict("already-revoked", "This consent was already revoked.");
    }
    c.revoke(on, gatekeeper.caller().userId(), reason);
    return DisclosureViews.ConsentView.of(c, today());
  }

  @Transactional
  public List<DisclosureViews.ConsentView> list(UUID subjectId) {
    String centre = centreOrRecord(subjectId, Action.CONSENT_LIST);
    gatekeeper.enforceDecision(
        seesPerson(centre), Action.CONSENT_LIST, Target.subject(subjectId), centre, null);
    LocalDate today = today();
    return em
        .createQuery(
            "select c from Consent c where c.subjectId = :s order by c.recordedAt desc",
            Consent.class)
        .setParameter("s", subjectId)
        .getResultList()
        .stream()
        .map(c -> DisclosureViews.ConsentView.of(c, today))
        .toList();
  }

  Consent find(UUID id) {
    return em.find(Consent.class, id);
  }

  /**
   * Subject-facing roles of the centre, and AUDITOR (consents and disclosures are theirs to
   * review).
   */
  PolicyDecision seesPerson(String centre) {
    var user = gatekeeper.caller();
    if (user.hasRole(Role.AUDITOR)) {
      return PolicyDecision.allow(
          "auditor", "auditors review consent and disclosure", Role.AUDITOR);
    }
    return accessPolicy.decideSubject(user, centre, SubjectOperation.READ_IDENTIFYING);
  }

  String centreOrRecord(UUID subjectId, Action action) {
    return subjects
        .centreOf(subjectId)
        .orElseGet(
            () -> {
              gatekeeper.recordNotFound(action, Target.subject(subjectId));
              throw VaultException.notFound("The subject");
            });
  }

  static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  static LocalDate date(String raw, String name) {
    try {
      return LocalDate.parse(raw == null ? "" : raw.strip());
    } catch (DateTimeParseException e) {
      throw VaultException.badRequest("invalid-" + name, name + " must be a date (yyyy-MM-dd).");
    }
  }

  static <E extends Enum<E>> E parse(Class<E> type, String raw, String name) {
    try {
      return Enum.valueOf(type, raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw VaultException.badRequest(
          "invalid-" + name,
          name
              + " must be one of "
              + java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()
              + ".");
    }
  }
}

package org.zhusan.vault.disclosure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.zhusan.vault.access.AccessPolicy;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.access.policy.PolicyDecision;
import org.zhusan.vault.access.policy.StaffUser;
import org.zhusan.vault.audit.Checkpoints;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.audit.tree.CheckpointSigner;
import org.zhusan.vault.disclosure.DisclosureViews.BasisRequest;
import org.zhusan.vault.disclosure.DisclosureViews.DisclosureRequest;
import org.zhusan.vault.disclosure.DisclosureViews.DisclosureView;
import org.zhusan.vault.disclosure.bundle.AccountingLine;
import org.zhusan.vault.disclosure.bundle.AccountingPdf;
import org.zhusan.vault.disclosure.bundle.BundleHeader;
import org.zhusan.vault.disclosure.bundle.BundleItem;
import org.zhusan.vault.disclosure.bundle.CourtBundle;
import org.zhusan.vault.disclosure.bundle.DisclosureZip;
import org.zhusan.vault.disclosure.bundle.Signer;
import org.zhusan.vault.documents.Document;
import org.zhusan.vault.documents.DocumentExports;
import org.zhusan.vault.documents.content.DocumentType;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.BodyFields;

/**
 * Disclosures: documents of one person leave the vault to a recipient, for a purpose, on a legal
 * basis the vault checks — a consent in force that covers them, a court order, or a configured
 * statutory ground — and only if the caller may read every one of them. The package (a paginated
 * court bundle, or a ZIP) is assembled in memory with a signed manifest; the disclosure, its items
 * and their hashes, and one access-log entry are committed before a byte is returned. The
 * accounting lists every disclosure of a person.
 */
@ApplicationScoped
@AuditedService
public class Disclosures {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject Gatekeeper gatekeeper;
  @Inject AccessPolicy accessPolicy;
  @Inject Consents consents;
  @Inject DocumentExports documents;
  @Inject Checkpoints checkpoints;
  @Inject DisclosureSettings settings;

  /** A package made: its id, kind and bytes. */
  public record Package(UUID disclosureId, Disclosure.PackageKind kind, byte[] bytes) {}

  @Transactional
  public Package make(UUID subjectId, DisclosureRequest r) {
    String centre = consents.centreOrRecord(subjectId, Action.DISCLOSURE_CREATE);
    if (r == null) {
      throw VaultException.badRequest("body-required", "A JSON body is required.");
    }
    List<UUID> ids = documentIds(r);
    RecipientKind kind = Consents.parse(RecipientKind.class, r.recipientKind(), "recipientKind");
    String recipient = BodyFields.text(r.recipientName(), "recipientName", 1, 200);
    String purpose = BodyFields.text(r.purpose(), "purpose", 3, 500);
    String caseReference = BodyFields.optionalText(r.caseReference(), "caseReference", 200);
    if (kind == RecipientKind.COURT && caseReference == null) {
      throw VaultException.badRequest(
          "caseReference-required", "A court bundle needs the case reference for its cover page.");
    }
    BasisRequest b = r.basis() == null ? new BasisRequest(null, null, null, null) : r.basis();

    List<Document> docs = new ArrayList<>();
    Set<DocumentType> types = EnumSet.noneOf(DocumentType.class);
    for (UUID id : ids) {
      Optional<Document> d = documents.find(id);
      if (d.isEmpty() || !d.get().subjectId().equals(subjectId)) {
        throw VaultException.badRequest(
            "invalid-documentIds", "Document " + id + " is not a document of this person.");
      }
      docs.add(d.get());
      types.add(d.get().type());
    }
    Target target = Target.subject(subjectId);
    StaffUser user = gatekeeper.caller();
    for (DocumentType t : types) {
      PolicyDecision read =
          accessPolicy.decideDocument(user, Action.DOCUMENT_READ, t.name(), centre);
      if (!read.allowed()) {
        gatekeeper.enforceDecision(
            PolicyDecision.deny(
                "disclose-readable-only",
                "You may not read " + t + " documents, so you may not disclose them."),
            Action.DISCLOSURE_CREATE,
            target,
            centre,
            null);
      }
    }
    Basis basis = basis(subjectId, centre, b, kind, recipient, types);

    UUID disclosureId = UUID.randomUUID();
    Instant now = Instant.now();
    List<BundleItem> items = new ArrayList<>();
    List<DocumentExports.Export> exports = new ArrayList<>();
    for (Document d : docs) {
      DocumentExports.Export e = documents.latest(d.id());
      exports.add(e);
      items.add(
          new BundleItem(
              e.documentId(),
              e.versionNo(),
              e.type().name(),
              e.title(),
              e.mediaType(),
              e.fileName(),
              e.content()));
    }
    String basisWords = inWords(basis);
    BundleHeader header =
        new BundleHeader(
            disclosureId,
            now,
            user.userId(),
            kind.name(),
            recipient,
            purpose,
            basisWords,
            caseReference,
            subjectId);
    Signer signer = signer();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] manifest;
    Disclosure.PackageKind packageKind;
    try {
      if (kind == RecipientKind.COURT) {
        manifest = CourtBundle.build(header, items, signer, out).signedManifest();
        packageKind = Disclosure.PackageKind.COURT_BUNDLE;
      } else {
        manifest = DisclosureZip.write(header, items, signer, out).signedManifest();
        packageKind = Disclosure.PackageKind.ZIP;
      }
    } catch (IOException e) {
      throw VaultException.unavailable(
          "package-failed", "The package could not be assembled; nothing was disclosed.");
    }
    byte[] bytes = out.toByteArray();
    em.persist(
        new Disclosure(
            disclosureId,
            subjectId,
            centre,
            kind,
            recipient,
            purpose,
            basis,
            packageKind,
            sha256(bytes),
            manifest,
            now,
            user.userId()));
    int position = 1;
    for (DocumentExports.Export e : exports) {
      em.persist(
          new DisclosureItem(
              disclosureId,
              position++,
              e.documentId(),
              e.versionId(),
              e.versionNo(),
              e.type().name(),
              sha256(e.content())));
    }
    StringBuilder what = new StringBuilder();
    for (DocumentExports.Export e : exports) {
      what.append(what.isEmpty() ? "" : ", ")
          .append(e.documentId())
          .append("/v")
          .append(e.versionNo());
    }
    gatekeeper.enforceDecision(
        PolicyDecision.allow(
            "disclosure",
            exports.size()
                + " documents ("
                + what
                + ") to "
                + kind
                + " as "
                + packageKind
                + "; basis "
                + basis.kind()
                + (basis.consentId() != null ? " " + basis.consentId() : "")
                + "; disclosure "
                + disclosureId,
            null),
        Action.DISCLOSURE_CREATE,
        Target.disclosure(disclosureId),
        centre,
        null);
    return new Package(disclosureId, packageKind, bytes);
  }

  /** Every disclosure of the person, newest first. */
  @Transactional
  public List<DisclosureView> accounting(UUID subjectId) {
    String centre = consents.centreOrRecord(subjectId, Action.DISCLOSURE_ACCOUNTING);
    gatekeeper.enforceDecision(
        consents.seesPerson(centre),
        Action.DISCLOSURE_ACCOUNTING,
        Target.subject(subjectId),
        centre,
        null);
    List<DisclosureView> out = new ArrayList<>();
    for (Disclosure d :
        em.createQuery(
                "select d from Disclosure d where d.subjectId = :s order by d.madeAt desc, d.id",
                Disclosure.class)
            .setParameter("s", subjectId)
            .getResultList()) {
      out.add(DisclosureView.of(d, items(d.id())));
    }
    return out;
  }

  /** The accounting as a PDF a guardian can be handed. */
  @Transactional
  public byte[] accountingPdf(UUID subjectId) {
    List<DisclosureView> views = accounting(subjectId);
    List<AccountingLine> lines = new ArrayList<>();
    for (DisclosureView v : views) {
      lines.add(
          new AccountingLine(
              v.madeAt(),
              v.recipientKind(),
              v.recipientName(),
              v.purpose(),
              v.basis(),
              v.madeBy(),
              v.items().stream()
                  .map(
                      i ->
                          i.documentType()
                              + ": "
                              + titleOf(i.documentId())
                              + " (v"
                              + i.versionNo()
                              + ")")
                  .toList()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      AccountingPdf.render("person " + subjectId, lines, out);
    } catch (IOException e) {
      throw VaultException.unavailable(
          "pdf-failed", "The accounting could not be rendered as PDF; use the JSON.");
    }
    return out.toByteArray();
  }

  private String titleOf(UUID documentId) {
    return documents
        .find(documentId)
        .filter(d -> !d.destroyed())
        .map(Document::title)
        .orElse("(destroyed)");
  }

  private List<DisclosureItem> items(UUID disclosureId) {
    return em.createQuery(
            "select i from DisclosureItem i where i.disclosureId = :d order by i.position",
            DisclosureItem.class)
        .setParameter("d", disclosureId)
        .getResultList();
  }

  /** The basis checked, or a recorded refusal: 409 naming what is missing. */
  private Basis basis(
      UUID subjectId,
      String centre,
      BasisRequest b,
      RecipientKind recipient,
      String recipientName,
      Set<DocumentType> types) {
    BasisKind kind = null;
    String missing = null;
    if (b.kind() == null || b.kind().isBlank()) {
      missing =
          "basis: a consent in force, a court order with its reference, or a statutory ground";
    } else {
      kind = Consents.parse(BasisKind.class, b.kind(), "basis.kind");
      missing = gap(subjectId, kind, b, recipient, recipientName, types);
    }
    if (missing != null) {
      String detail = "No valid legal basis for this disclosure: " + missing + ".";
      try {
        gatekeeper.enforceDecision(
            PolicyDecision.deny("no-basis", detail),
            Action.DISCLOSURE_CREATE,
            Target.subject(subjectId),
            centre,
            null);
      } catch (VaultException denied) {
        throw VaultException.conflict("no-basis", detail);
      }
    }
    return switch (kind) {
      case CONSENT ->
          new Basis(kind, BodyFields.uuid(b.consentId(), "basis.consentId"), null, null);
      case COURT_ORDER ->
          new Basis(
              kind,
              null,
              BodyFields.text(b.courtOrderReference(), "basis.courtOrderReference", 1, 200),
              null);
      case STATUTE -> new Basis(kind, null, null, b.statute().strip());
    };
  }

  /** What the basis lacks, or null if it holds. */
  private String gap(
      UUID subjectId,
      BasisKind kind,
      BasisRequest b,
      RecipientKind recipient,
      String recipientName,
      Set<DocumentType> types) {
    return switch (kind) {
      case CONSENT -> {
        if (b.consentId() == null || b.consentId().isBlank()) {
          yield "basis.consentId: which consent";
        }
        Consent c = consents.find(BodyFields.uuid(b.consentId(), "basis.consentId"));
        if (c == null || !c.subjectId().equals(subjectId)) {
          yield "a consent of this person (" + b.consentId() + " is not one)";
        }
        yield c.gap(Consents.today(), recipient, recipientName, types).orElse(null);
      }
      case COURT_ORDER ->
          b.courtOrderReference() == null || b.courtOrderReference().isBlank()
              ? "basis.courtOrderReference: the court order's reference"
              : null;
      case STATUTE ->
          b.statute() == null || !settings.statutoryGrounds().contains(b.statute().strip())
              ? "basis.statute: one of the statutory grounds " + settings.statutoryGrounds()
              : null;
    };
  }

  private static String inWords(Basis b) {
    return switch (b.kind()) {
      case CONSENT -> "consent " + b.consentId();
      case COURT_ORDER -> "court order " + b.reference();
      case STATUTE -> "statute: " + b.statute();
    };
  }

  private List<UUID> documentIds(DisclosureRequest r) {
    if (r.documentIds() == null || r.documentIds().isEmpty()) {
      throw VaultException.badRequest(
          "documentIds-required", "documentIds must name at least one document.");
    }
    if (r.documentIds().size() > settings.maxDocuments()) {
      throw VaultException.badRequest(
          "too-many-documents",
          "At most " + settings.maxDocuments() + " documents can be disclosed at once.");
    }
    Set<UUID> ids = new LinkedHashSet<>();
    for (String s : r.documentIds()) {
      if (!ids.add(BodyFields.uuid(s, "documentIds"))) {
        throw VaultException.badRequest(
            "invalid-documentIds", "Document " + s + " is listed twice.");
      }
    }
    return List.copyOf(ids);
  }

  private Signer signer() {
    CheckpointSigner s = checkpoints.signer();
    return new Signer() {
      @Override
      public byte[] sign(byte[] message) {
        return s.signDetached(message);
      }

      @Override
      public String keyId() {
        return s.keyId();
      }
    };
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

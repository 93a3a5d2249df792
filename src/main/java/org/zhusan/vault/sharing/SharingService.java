package org.zhusan.vault.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.zhusan.vault.access.AccessPolicy;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.access.policy.Grant;
import org.zhusan.vault.access.policy.Policy;
import org.zhusan.vault.access.policy.PolicyDecision;
import org.zhusan.vault.access.policy.Purpose;
import org.zhusan.vault.access.policy.Role;
import org.zhusan.vault.access.policy.StaffUser;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.documents.Document;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.subjects.SubjectLookup;

/** Sharing one document with a named user (grants) and opening one outside policy (break-glass). */
@ApplicationScoped
@AuditedService
public class SharingService {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject Gatekeeper gatekeeper;
  @Inject AccessPolicy accessPolicy;
  @Inject Grants grants;
  @Inject BreakGlassSessions breakGlass;
  @Inject SubjectLookup subjects;

  /** A grant as shown to its parties. */
  public record GrantView(
      String id,
      String documentId,
      String versionId,
      String grantor,
      String grantee,
      String purpose,
      Instant expiresAt,
      Instant revokedAt,
      boolean live) {
    static GrantView of(Grant g, Instant now) {
      return new GrantView(
          g.id(),
          g.documentId(),
          g.versionId(),
          g.grantor(),
          g.grantee(),
          g.purpose().name(),
          g.expiresAt(),
          g.revokedAt(),
          g.isLive(now));
    }
  }

  public record NewGrant(String grantee, String purpose, String versionId, String duration) {}

  public record BreakGlassRequest(String justification, String duration) {}

  public record BreakGlassView(UUID id, UUID documentId, Instant expiresAt) {}

  @Transactional
  public GrantView share(UUID documentId, NewGrant body) {
    if (body == null || body.grantee() == null || body.grantee().isBlank()) {
      throw VaultException.badRequest("grantee-required", "grantee (a user id) is required.");
    }
    Document doc = document(documentId, Action.GRANT_CREATE);
    String centre = subjects.centreOf(doc.subjectId()).orElseThrow();
    StaffUser user = gatekeeper.caller();
    UUID versionId = null;
    if (body.versionId() != null) {
      versionId = parseUuid(body.versionId(), "versionId");
      Long n =
          em.createQuery(
                  "select count(v) from DocumentVersion v where v.id = :v and v.documentId = :d",
                  Long.class)
              .setParameter("v", versionId)
              .setParameter("d", documentId)
              .getSingleResult();
      if (n == 0) {
        throw VaultException.badRequest(
            "invalid-version", "versionId is not a version of this document.");
      }
    }
    boolean mayRead =
        accessPolicy
            .decideDocument(user, Action.DOCUMENT_READ, doc.type().name(), centre)
            .allowed();
    Instant now = Instant.now();
    PolicyDecision d =
        accessPolicy
            .policy()
            .validateNewGrant(
                user,
                mayRead,
                body.grantee().strip(),
                body.purpose(),
                duration(body.duration()),
                now);
    gatekeeper.enforceDecision(
        d,
        Action.GRANT_CREATE,
        Target.document(documentId),
        centre,
        Purpose.parse(body.purpose() == null ? null : body.purpose().strip()).orElse(null));
    Grant g =
        new Grant(
            UUID.randomUUID().toString(),
            documentId.toString(),
            versionId == null ? null : versionId.toString(),
            user.userId(),
            body.grantee().strip(),
            Purpose.valueOf(body.purpose().strip()),
            d.expiresAt().orElseThrow(),
            null);
    grants.store(g, now);
    return GrantView.of(g, now);
  }

  @Transactional
  public GrantView revoke(UUID grantId) {
    StaffUser user = gatekeeper.caller();
    Grant g =
        grants
            .find(grantId)
            .orElseGet(
                () -> {
                  gatekeeper.recordNotFound(Action.GRANT_REVOKE, Target.grant(grantId.toString()));
                  throw VaultException.notFound("The grant");
                });
    boolean may = g.grantor().equals(user.userId()) || user.hasRole(Role.ADMIN);
    gatekeeper.enforceDecision(
        may
            ? PolicyDecision.allow(
                "grant-revoke",
                "the grantor or an ADMIN may revoke a grant",
                user.hasRole(Role.ADMIN) && !g.grantor().equals(user.userId()) ? Role.ADMIN : null)
            : PolicyDecision.deny(
                "grant-revoke", "Only the grantor or an ADMIN may revoke this grant."),
        Action.GRANT_REVOKE,
        Target.grant(grantId.toString()),
        null,
        null);
    Instant now = Instant.now();
    if (!grants.revoke(grantId, user.userId(), now)) {
      throw VaultException.conflict("grant-already-revoked", "The grant was already revoked.");
    }
    return GrantView.of(grants.find(grantId).orElseThrow(), now);
  }

  @Transactional
  public List<GrantView> mine(int offset, int limit) {
    StaffUser user = gatekeeper.caller();
    gatekeeper.enforceDecision(
        Policy.reportsOnly(user)
            ? PolicyDecision.deny(
                "separation-of-duties", "ANALYST sees programme figures only, never a document.")
            : PolicyDecision.allow("grant-list", "everyone sees their own grants", null),
        Action.GRANT_LIST,
        Target.grant("mine"),
        null,
        null);
    Instant now = Instant.now();
    return grants.involving(user.userId(), offset, limit).stream()
        .map(g -> GrantView.of(g, now))
        .toList();
  }

  @Transactional
  public BreakGlassView openBreakGlass(UUID documentId, BreakGlassRequest body) {
    Document doc = document(documentId, Action.BREAK_GLASS);
    String centre = subjects.centreOf(doc.subjectId()).orElseThrow();
    StaffUser user = gatekeeper.caller();
    Instant now = Instant.now();
    String justification = body == null ? null : body.justification();
    PolicyDecision d =
        accessPolicy
            .policy()
            .decideBreakGlass(
                user, justification, duration(body == null ? null : body.duration()), now);
    var event =
        gatekeeper.requireBreakGlass(
            d, documentId, centre, justification == null ? null : justification.strip());
    UUID id = UUID.randomUUID();
    Instant expires = d.expiresAt().orElseThrow();
    breakGlass.open(
        new BreakGlassSessions.Session(
            id,
            user.userId(),
            event.role(),
            documentId,
            justification.strip(),
            now,
            expires,
            null,
            null,
            null));
    return new BreakGlassView(id, documentId, expires);
  }

  private Document document(UUID documentId, Action action) {
    Document doc = em.find(Document.class, documentId);
    if (doc == null) {
      gatekeeper.recordNotFound(action, Target.document(documentId));
      throw VaultException.notFound("The document");
    }
    return doc;
  }

  private static Duration duration(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Duration.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw VaultException.badRequest(
          "invalid-duration", "duration must be an ISO-8601 duration such as PT2H or P7D.");
    }
  }

  private static UUID parseUuid(String raw, String name) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw VaultException.badRequest("invalid-" + name, name + " must be a UUID.");
    }
  }
}

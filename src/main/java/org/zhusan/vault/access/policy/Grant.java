package org.zhusan.vault.access.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A grant as stored by the server: one user shares one document (or one version of it), read only,
 * with one named user for a stated purpose until an expiry. Immutable; revoking produces a stored
 * copy with {@code revokedAt} set. The policy decides on it with {@link Policy#decideWithGrant}.
 *
 * @param id the grant's identifier (appears in the rule name {@code grant:<id>})
 * @param documentId the shared document
 * @param versionId the shared version, or null when the grant covers every version of the document
 * @param grantor the user id of the user who shared it
 * @param grantee the user id of the user it is shared with
 * @param purpose the purpose of use the grantee reads under
 * @param expiresAt the instant from which the grant no longer allows anything
 * @param revokedAt when the grant was revoked, or null while it is not
 */
public record Grant(
    String id,
    String documentId,
    String versionId,
    String grantor,
    String grantee,
    Purpose purpose,
    Instant expiresAt,
    Instant revokedAt) {
  public Grant {
    Objects.requireNonNull(id, "id is required.");
    Objects.requireNonNull(documentId, "documentId is required.");
    Objects.requireNonNull(grantor, "grantor is required.");
    Objects.requireNonNull(grantee, "grantee is required.");
    Objects.requireNonNull(purpose, "purpose is required.");
    Objects.requireNonNull(expiresAt, "expiresAt is required.");
  }

  /** The shared version, if the grant is limited to one. */
  public Optional<String> version() {
    return Optional.ofNullable(versionId);
  }

  /** Whether the grant has been revoked (revocation takes effect at once). */
  public boolean isRevoked() {
    return revokedAt != null;
  }

  /**
   * Whether the grant has expired at {@code now} ({@code expiresAt} itself is already too late).
   */
  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Whether the grant neither is revoked nor has expired at {@code now}. */
  public boolean isLive(Instant now) {
    return !isRevoked() && !isExpired(now);
  }

  /**
   * Whether the grant covers {@code versionId} of {@code documentId}: same document, and either no
   * version restriction or the same version ({@code versionId} null means "the document as a
   * whole", which only a whole-document grant covers).
   */
  public boolean covers(String documentId, String versionId) {
    return this.documentId.equals(documentId)
        && (this.versionId == null || this.versionId.equals(versionId));
  }

  /** A copy revoked at {@code when}. */
  public Grant revokedAt(Instant when) {
    return new Grant(
        id,
        documentId,
        versionId,
        grantor,
        grantee,
        purpose,
        expiresAt,
        Objects.requireNonNull(when));
  }
}

package org.zhusan.vault.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.access.policy.Grant;

/**
 * What the {@link Gatekeeper} asks the sharing capability when the role matrix refuses a document
 * read: the caller's live grants of it, and an open break-glass session on it. Declared here and
 * implemented by {@code sharing}, which sits above access (it authorises its own actions through
 * the gatekeeper), so that the dependency points one way.
 */
public interface SharingLookup {
  /** An open break-glass session: until when, and the justification its opener wrote. */
  record OpenBreakGlass(Instant expiresAt, String justification) {}

  /** Unrevoked, unexpired grants of {@code documentId} to {@code userId}, oldest first. */
  List<Grant> liveGrants(String userId, UUID documentId, Instant now);

  /** The caller's break-glass session on {@code documentId} that is open at {@code now}, if any. */
  Optional<OpenBreakGlass> openBreakGlass(String userId, UUID documentId, Instant now);
}

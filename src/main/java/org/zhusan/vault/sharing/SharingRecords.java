package org.zhusan.vault.sharing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.access.SharingLookup;
import org.zhusan.vault.access.policy.Grant;

/** The stored grants and break-glass sessions, as the gatekeeper consults them. */
@ApplicationScoped
public class SharingRecords implements SharingLookup {
  @Inject Grants grants;
  @Inject BreakGlassSessions sessions;

  @Override
  public List<Grant> liveGrants(String userId, UUID documentId, Instant now) {
    return grants.liveFor(userId, documentId, now);
  }

  @Override
  public Optional<OpenBreakGlass> openBreakGlass(String userId, UUID documentId, Instant now) {
    return sessions
        .active(userId, documentId, now)
        .map(s -> new OpenBreakGlass(s.expiresAt(), s.justification()));
  }
}

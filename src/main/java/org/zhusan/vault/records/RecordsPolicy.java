package org.zhusan.vault.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.zhusan.vault.access.AccessPolicy;
import org.zhusan.vault.access.policy.PolicyDecision;
import org.zhusan.vault.access.policy.Role;
import org.zhusan.vault.access.policy.StaffUser;

/**
 * Decisions of records governance, with the roles the retention file names: a role acts for a
 * person of its own centres (or of any centre if the access policy makes it national; ADMIN and
 * AUDITOR, who never see content, act vault-wide). The decisions are recorded by the caller through
 * the gatekeeper, allowed or denied.
 */
@ApplicationScoped
public class RecordsPolicy {
  @Inject AccessPolicy accessPolicy;
  @Inject Schedule schedule;

  /** Place or release a legal hold on a person of {@code centre}. */
  public PolicyDecision holds(StaffUser user, String centre) {
    return decide(user, schedule.current().holdRoles(), centre, "hold", "place or release holds");
  }

  /** List holds: the hold roles of the centre, and ADMIN and AUDITOR (without reasons). */
  public PolicyDecision listHolds(StaffUser user, String centre) {
    PolicyDecision d = holds(user, centre);
    if (d.allowed()) {
      return d;
    }
    return oversight(user, "hold-list", d);
  }

  public PolicyDecision propose(StaffUser user, String centre) {
    return decide(
        user,
        schedule.current().proposeRoles(),
        centre,
        "disposition-propose",
        "propose disposition");
  }

  public PolicyDecision approve(StaffUser user, String centre) {
    return decide(
        user,
        schedule.current().approveRoles(),
        centre,
        "disposition-approve",
        "approve disposition");
  }

  /** Extending a REVIEW record: whoever may propose or approve. */
  public PolicyDecision extend(StaffUser user, String centre) {
    PolicyDecision d = approve(user, centre);
    return d.allowed() ? d : propose(user, centre);
  }

  /** Reading the queue and certificates: those who propose or approve, and AUDITOR. */
  public PolicyDecision read(StaffUser user, String centre) {
    PolicyDecision d = extend(user, centre);
    return d.allowed() ? d : oversight(user, "disposition-read", d);
  }

  /**
   * Whether the user holds a role that may read the queue somewhere (for listings across centres).
   */
  public boolean readsAnywhere(StaffUser user) {
    RetentionSchedule s = schedule.current();
    return user.hasRole(Role.AUDITOR)
        || user.roles().stream()
            .anyMatch(r -> s.proposeRoles().contains(r) || s.approveRoles().contains(r));
  }

  /** True if the user's role lets them act in every centre (no centre filter on listings). */
  public boolean vaultWide(StaffUser user, Set<Role> roles) {
    return user.roles().stream()
        .anyMatch(r -> (roles.contains(r) || r == Role.AUDITOR) && everywhere(r));
  }

  private PolicyDecision oversight(StaffUser user, String rule, PolicyDecision otherwise) {
    if (user.hasRole(Role.AUDITOR)) {
      return PolicyDecision.allow(rule, "auditors review records governance", Role.AUDITOR);
    }
    if (user.hasRole(Role.ADMIN)) {
      return PolicyDecision.allow(rule, "administrators see holds and the queue", Role.ADMIN);
    }
    return otherwise;
  }

  private PolicyDecision decide(
      StaffUser user, Set<Role> allowed, String centre, String rule, String what) {
    boolean hasRole = false;
    for (Role r : user.roles()) {
      if (allowed.contains(r)) {
        hasRole = true;
        if (centre == null || everywhere(r) || user.centres().contains(centre)) {
          return PolicyDecision.allow(rule, r + " may " + what + " (retention file)", r);
        }
      }
    }
    return hasRole
        ? PolicyDecision.denyHidden(rule, "This person is not in one of your centres.")
        : PolicyDecision.deny(
            rule, "Only " + Role.joined(allowed) + " may " + what + " (retention file).");
  }

  private boolean everywhere(Role r) {
    return r == Role.ADMIN || r == Role.AUDITOR || accessPolicy.policy().isNational(r);
  }
}

package org.zhusan.vault.outcomes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;
import org.zhusan.vault.access.AccessPolicy;
import org.zhusan.vault.access.policy.PolicyDecision;
import org.zhusan.vault.access.policy.Role;
import org.zhusan.vault.access.policy.StaffUser;
import org.zhusan.vault.access.policy.SubjectOperation;

/**
 * Decisions on indicators and reports with the roles of the outcomes file. A person's indicators
 * need the person first (the access policy's {@code read-metadata} in the person's centre: centre
 * scope, separation of duties, ANALYST refused), then a role of the file for the kind. Rules in the
 * log: {@code indicator:<ROLE>:<KIND>:record}, {@code indicator:<ROLE>:read}, {@code
 * report:<ROLE>}. The caller records the decision through the gatekeeper, allowed or denied.
 */
@ApplicationScoped
public class OutcomesPolicy {
  @Inject AccessPolicy accessPolicy;
  @Inject Outcomes outcomes;

  /** May {@code user} record an indicator of {@code kind} on a person of {@code centre}? */
  public PolicyDecision record(StaffUser user, IndicatorKind kind, String centre) {
    PolicyDecision person =
        accessPolicy.decideSubject(user, centre, SubjectOperation.READ_METADATA);
    if (!person.allowed()) {
      return person;
    }
    Set<Role> roles = outcomes.current().roles(kind).record();
    for (Role r : sortedRoles(user)) {
      if (roles.contains(r)) {
        return PolicyDecision.allow(
            "indicator:" + r + ":" + kind + ":record", r + " may record " + kind + ".", r);
      }
    }
    return PolicyDecision.deny(
        "indicator:" + Role.joined(user.roles()) + ":" + kind + ":record",
        "Only " + Role.joined(roles).replace("+", ", ") + " may record " + kind + ".");
  }

  /** The kinds {@code user} may read or record on a person they may see. */
  public Set<IndicatorKind> readable(StaffUser user) {
    Set<IndicatorKind> out = EnumSet.noneOf(IndicatorKind.class);
    for (IndicatorKind k : IndicatorKind.values()) {
      if (user.roles().stream().anyMatch(outcomes.current().roles(k).read()::contains)) {
        out.add(k);
      }
    }
    return out;
  }

  public Set<IndicatorKind> recordable(StaffUser user) {
    Set<IndicatorKind> out = EnumSet.noneOf(IndicatorKind.class);
    for (IndicatorKind k : IndicatorKind.values()) {
      if (user.roles().stream().anyMatch(outcomes.current().roles(k).record()::contains)) {
        out.add(k);
      }
    }
    return out;
  }

  /** May {@code user} read a person's indicators (those of {@link #readable} kinds)? */
  public PolicyDecision read(StaffUser user, String centre) {
    PolicyDecision person =
        accessPolicy.decideSubject(user, centre, SubjectOperation.READ_METADATA);
    if (!person.allowed()) {
      return person;
    }
    for (Role r : sortedRoles(user)) {
      for (IndicatorKind k : IndicatorKind.values()) {
        if (outcomes.current().roles(k).read().contains(r)) {
          return PolicyDecision.allow(
              "indicator:" + r + ":read", r + " reads indicators (outcomes file).", r);
        }
      }
    }
    return PolicyDecision.deny(
        "indicator:" + Role.joined(user.roles()) + ":read",
        "Your role reads no indicator (outcomes file).");
  }

  /** May {@code user} see reports? Then {@link #reportsEverywhere} says of which centres. */
  public PolicyDecision reports(StaffUser user) {
    Set<Role> roles = outcomes.current().reportRoles();
    for (Role r : sortedRoles(user)) {
      if (roles.contains(r)) {
        return PolicyDecision.allow("report:" + r, r + " sees reports (outcomes file).", r);
      }
    }
    return PolicyDecision.deny(
        "report:" + Role.joined(user.roles()),
        "Only " + Role.joined(roles).replace("+", ", ") + " see reports.");
  }

  /**
   * Whether the user's reports cover the whole programme: a role of {@code all-centres}, or a
   * report role the access policy makes national; otherwise their own centres.
   */
  public boolean reportsEverywhere(StaffUser user) {
    OutcomesFile f = outcomes.current();
    return user.roles().stream()
        .anyMatch(
            r ->
                f.allCentres().contains(r)
                    || (f.reportRoles().contains(r) && accessPolicy.policy().isNational(r)));
  }

  private static java.util.List<Role> sortedRoles(StaffUser user) {
    return user.roles().stream().sorted().toList();
  }
}

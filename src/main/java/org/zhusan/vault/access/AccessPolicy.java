package org.zhusan.vault.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;

/**
 * The policy decision point for subjects, keys and the access log. Need-to-know by default:
 * subject-facing staff act only on subjects of their own centres; identifying fields are opened
 * only for legal, clinical and social roles; ADMIN and AUDITOR never receive decrypted fields or
 * content, whatever else is configured.
 */
@ApplicationScoped
public class AccessPolicy {
  /** Roles that work with subjects at a centre. */
  static final Set<Role> SUBJECT_STAFF = EnumSet.of(Role.LAWYER, Role.PSYCHOLOGIST, Role.PSYCHIATRIST, Role.DOCTOR,
      Role.SOCIAL_WORKER, Role.TEACHER, Role.THEOLOGIAN, Role.NGO_PARTNER);
  /** Roles that may register subjects and change their stage. */
  static final Set<Role> SUBJECT_WRITERS = EnumSet.of(Role.LAWYER, Role.PSYCHOLOGIST, Role.PSYCHIATRIST, Role.DOCTOR,
      Role.SOCIAL_WORKER);
  /** Roles that may see identifying fields (IIN, date of birth, origin, notes). */
  static final Set<Role> SENSITIVE_READERS = SUBJECT_WRITERS;

  public AccessDecision decide(StaffUser user, Action action, String centre) {
    return switch (action) {
      case SUBJECT_CREATE, SUBJECT_UPDATE -> centreScoped(user, centre, SUBJECT_WRITERS, "subject-write");
      case SUBJECT_READ, SUBJECT_LIST, SUBJECT_LOOKUP -> centreScoped(user, centre, SUBJECT_STAFF, "subject-read");
      case SUBJECT_READ_SENSITIVE -> centreScoped(user, centre, SENSITIVE_READERS, "subject-read-sensitive");
      case SUBJECT_SHRED, KEY_STATUS, KEY_ROTATE, KEY_RETIRE -> roleOnly(user, Role.ADMIN, "admin-keys");
      case LOG_READ, LOG_EXPORT, LOG_VERIFY -> roleOnly(user, Role.AUDITOR, "auditor-log");
      case LOG_CHECKPOINT -> user.hasRole(Role.AUDITOR) || user.hasRole(Role.ADMIN)
          ? AccessDecision.allow("log-checkpoint", "auditors and administrators may request a checkpoint")
          : AccessDecision.deny("log-checkpoint", "Only auditors and administrators may request a checkpoint.");
      case DOCUMENT_CREATE, DOCUMENT_LIST, DOCUMENT_READ -> centreScoped(user, centre, SUBJECT_STAFF, "document-interim");
      case SEARCH -> centreScoped(user, centre, SUBJECT_STAFF, "search");
      case SEARCH_REINDEX -> roleOnly(user, Role.ADMIN, "admin-search");
    };
  }

  /** The role recorded for the decision: the first of the caller's roles that the rule accepts. */
  public String roleUsed(StaffUser user, Action action) {
    return user.roles().stream().map(Enum::name).sorted().findFirst().orElse("NONE");
  }

  private static AccessDecision roleOnly(StaffUser user, Role role, String rule) {
    return user.hasRole(role)
        ? AccessDecision.allow(rule, role + " may do this")
        : AccessDecision.deny(rule, "Only " + role + " may do this.");
  }

  private static AccessDecision centreScoped(StaffUser user, String centre, Set<Role> roles, String rule) {
    if (user.roles().stream().noneMatch(roles::contains)) {
      return AccessDecision.deny(rule, "Your roles do not allow this operation.");
    }
    if (centre != null && !user.centres().contains(centre)) {
      return AccessDecision.denyHidden(rule + ":centre", "The record is outside your centres.");
    }
    return AccessDecision.allow(rule, "role and centre allow it");
  }
}

package org.zhusan.vault.access.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The policy decision point's rules, built from one validated {@link AccessPolicyFile}. Pure: it
 * reads no clock, database or request (the caller passes the time, the subject's centre and, for
 * grants, whether the grantor may read), so every decision is a function of its arguments.
 * Immutable and thread-safe.
 *
 * <p>Every decision returns a {@link PolicyDecision} whose rule name is stable, for the access log:
 *
 * <ul>
 *   <li>{@code matrix:<ROLE>:<TYPE>:<read|write>} — the role × document type matrix allowed it
 *       (ROLE is the role used) or denied it (ROLE is all the user's roles joined with {@code +},
 *       or {@code NONE});
 *   <li>{@code subject:<ROLE>:<read-metadata|read-name|read-identifying|write>} — the same for
 *       subject actions; for a read, the last part names the fields disclosed (see {@link
 *       SubjectFields});
 *   <li>{@code centre-scope} — the subject is outside the user's centres: denied with {@code
 *       hideExistence} (404) unless one of the user's roles is national, in which case the subject
 *       is visible but the role that would allow the action is not national (403);
 *   <li>{@code separation-of-duties} — the user holds AUDITOR or ADMIN, which never receive
 *       content, identifying fields, grants or break-glass (whatever other role the token also
 *       carries);
 *   <li>{@code grant:<id>} — reading through a grant (allowed, or denied as revoked, expired, not
 *       the grantee's, not covering the target, or not a read);
 *   <li>{@code grant-create}, {@code grant-create:not-entitled|grantee|self|duration} — sharing a
 *       document;
 *   <li>{@code break-glass}, {@code break-glass:role|justification|duration|expired|read-only} —
 *       opening a record outside the matrix, and reading under it;
 *   <li>{@code purpose:<ROLE>:<PURPOSE>} — whether a role may state a purpose of use.
 * </ul>
 *
 * <p>Order of checks for content and subjects: centre scope first (so a caller cannot learn whether
 * a record outside their centres exists, whatever else is true), then separation of duties, then
 * the matrix.
 */
public final class Policy {
  /** Roles that never receive content or identifying fields, whatever the policy file says. */
  public static final Set<Role> METADATA_ONLY_ROLES =
      Collections.unmodifiableSet(EnumSet.of(Role.AUDITOR, Role.ADMIN));

  /**
   * Roles that see reports only: no subject (not even metadata), no document, no log, whatever
   * other role the token also carries (separation of duties, as for {@link #METADATA_ONLY_ROLES}).
   */
  public static final Set<Role> REPORTS_ONLY_ROLES =
      Collections.unmodifiableSet(EnumSet.of(Role.ANALYST));

  private static final int MAX_ECHO = 40;

  private final AccessPolicyFile file;

  /** A policy applying {@code file}. */
  public Policy(AccessPolicyFile file) {
    this.file = Objects.requireNonNull(file, "file is required.");
  }

  /** The validated policy file this policy applies. */
  public AccessPolicyFile file() {
    return file;
  }

  /**
   * The permission {@code role} has on documents of {@code type}: the file's, except that AUDITOR
   * and ADMIN always have {@link Permission#NONE}.
   */
  public Permission permission(Role role, PolicyDocumentType type) {
    return METADATA_ONLY_ROLES.contains(role) || REPORTS_ONLY_ROLES.contains(role)
        ? Permission.NONE
        : file.permission(role, type);
  }

  /** Whether holders of {@code role} see subjects of every centre. */
  public boolean isNational(Role role) {
    return file.nationalRoles().contains(role);
  }

  // ---- documents and subjects
  // ------------------------------------------------------------------------

  /**
   * May {@code user} read or write the content of a document of {@code documentType} belonging to a
   * subject of {@code subjectCentre}? A user with several roles is allowed if any of them allows it
   * within scope; the decision names that role (the first in {@link Role} order).
   *
   * @throws IllegalArgumentException if {@code documentType} is not one of {@link
   *     PolicyDocumentType}
   */
  public PolicyDecision decideDocument(
      StaffUser user, String documentType, String subjectCentre, Operation op) {
    Objects.requireNonNull(documentType, "documentType is required.");
    PolicyDocumentType type =
        PolicyDocumentType.parse(documentType)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown document type '"
                            + echo(documentType)
                            + "' (expected one of "
                            + String.join(", ", PolicyDocumentType.names())
                            + ")"));
    return decideDocument(user, type, subjectCentre, op);
  }

  /** {@link #decideDocument(StaffUser, String, String, Operation)} for an already parsed type. */
  public PolicyDecision decideDocument(
      StaffUser user, PolicyDocumentType type, String subjectCentre, Operation op) {
    Objects.requireNonNull(user, "user is required.");
    Objects.requireNonNull(type, "type is required.");
    Objects.requireNonNull(subjectCentre, "subjectCentre is required.");
    Objects.requireNonNull(op, "op is required.");
    if (!visible(user, subjectCentre)) {
      return outsideCentres();
    }
    if (metadataOnly(user)) {
      return PolicyDecision.deny(
          "separation-of-duties",
          metadataOnlyRoles(user) + " never receive document content (separation of duties).");
    }
    boolean inCentre = user.centres().contains(subjectCentre);
    Role onlyAtOwnCentres = null;
    for (Role role : sorted(user.roles())) {
      if (permission(role, type).permits(op)) {
        if (inCentre || isNational(role)) {
          return PolicyDecision.allow(
              "matrix:" + role + ":" + type + ":" + op.ruleName(),
              role + " may " + op.ruleName() + " " + type + " documents.",
              role);
        }
        onlyAtOwnCentres = onlyAtOwnCentres == null ? role : onlyAtOwnCentres;
      }
    }
    if (onlyAtOwnCentres != null) {
      return PolicyDecision.deny(
          "centre-scope",
          onlyAtOwnCentres
              + " may "
              + op.ruleName()
              + " "
              + type
              + " documents only of subjects in your own centres.");
    }
    return PolicyDecision.deny(
        "matrix:" + joinRoles(user) + ":" + type + ":" + op.ruleName(),
        mayNot(user, op.ruleName() + " " + type + " documents") + ".");
  }

  /**
   * May {@code user} perform the subject-level action {@code op} on a subject of {@code
   * subjectCentre}? The roles for each action come from the file's {@code subjects} section;
   * AUDITOR and ADMIN never read identifying fields or write subjects.
   */
  public PolicyDecision decideSubject(StaffUser user, String subjectCentre, SubjectOperation op) {
    Objects.requireNonNull(user, "user is required.");
    Objects.requireNonNull(subjectCentre, "subjectCentre is required.");
    Objects.requireNonNull(op, "op is required.");
    if (!visible(user, subjectCentre)) {
      return outsideCentres();
    }
    if (reportsOnly(user)) {
      return reportsOnlyDenial();
    }
    if (!op.openToMetadataOnlyRoles() && metadataOnly(user)) {
      return PolicyDecision.deny(
          "separation-of-duties",
          metadataOnlyRoles(user)
              + " never see identifying fields or change subjects (separation of duties).");
    }
    Set<Role> allowed = file.subjects().get(op);
    boolean inCentre = user.centres().contains(subjectCentre);
    Role onlyAtOwnCentres = null;
    for (Role role : sorted(user.roles())) {
      if (allowed.contains(role)) {
        if (inCentre || isNational(role)) {
          return PolicyDecision.allow(
              "subject:" + role + ":" + op.yamlName(), role + " may " + phrase(op) + ".", role);
        }
        onlyAtOwnCentres = onlyAtOwnCentres == null ? role : onlyAtOwnCentres;
      }
    }
    if (onlyAtOwnCentres != null) {
      return PolicyDecision.deny(
          "centre-scope",
          onlyAtOwnCentres + " may " + phrase(op) + " only for subjects in your own centres.");
    }
    return PolicyDecision.deny(
        "subject:" + joinRoles(user) + ":" + op.yamlName(), mayNot(user, phrase(op)) + ".");
  }

  /**
   * May {@code user} perform {@code op} on subjects without a centre in view (an exact lookup
   * across the user's centres, a search)? Only the roles count — but separation of duties still
   * does: a token that carries AUDITOR or ADMIN never gets more than metadata, whatever other role
   * it holds.
   */
  public PolicyDecision decideSubjectAnyCentre(StaffUser user, SubjectOperation op) {
    Objects.requireNonNull(user, "user is required.");
    Objects.requireNonNull(op, "op is required.");
    if (reportsOnly(user)) {
      return reportsOnlyDenial();
    }
    if (!op.openToMetadataOnlyRoles() && metadataOnly(user)) {
      return PolicyDecision.deny(
          "separation-of-duties",
          metadataOnlyRoles(user)
              + " never see identifying fields or change subjects (separation of duties).");
    }
    Set<Role> allowed = file.subjects().get(op);
    for (Role role : sorted(user.roles())) {
      if (allowed.contains(role)) {
        return PolicyDecision.allow(
            "subject:" + role + ":" + op.yamlName(),
            role + " may " + phrase(op) + " within your centres.",
            role);
      }
    }
    return PolicyDecision.deny(
        "subject:" + joinRoles(user) + ":" + op.yamlName(), mayNot(user, phrase(op)) + ".");
  }

  /**
   * Which fields of subjects of {@code subjectCentre} (null: of the user's centres, roles only)
   * {@code user} may read: identifying fields if a role in {@code read-identifying} allows it in
   * scope, else the name if one in {@code read-name} does, else metadata if one in {@code
   * read-metadata} does; otherwise the metadata decision's denial. The allowed decision's reason
   * names the field set.
   */
  public SubjectRead decideSubjectRead(StaffUser user, String subjectCentre) {
    Objects.requireNonNull(user, "user is required.");
    PolicyDecision last = null;
    for (SubjectFields fields :
        List.of(SubjectFields.IDENTIFYING, SubjectFields.NAME, SubjectFields.METADATA)) {
      PolicyDecision d =
          subjectCentre == null
              ? decideSubjectAnyCentre(user, fields.operation())
              : decideSubject(user, subjectCentre, fields.operation());
      if (d.allowed()) {
        return new SubjectRead(
            new PolicyDecision(
                AccessDecision.allow(d.rule(), d.reason() + " Fields disclosed: " + fields + "."),
                d.roleUsed(),
                d.expiresAt()),
            fields);
      }
      last = d;
    }
    return new SubjectRead(last, SubjectFields.METADATA);
  }

  // ---- grants
  // --------------------------------------------------------------------------------------

  /**
   * May {@code user} use {@code grant} at {@code now}? Only the grantee, only to READ, only while
   * the grant is neither revoked nor expired, and never a holder of AUDITOR or ADMIN. Centre scope
   * does not apply: the grantor chose whom to share with. The caller must already have checked that
   * the grant covers the document (or version) asked for; {@link #decideWithGrant(StaffUser, Grant,
   * String, String, Instant, Operation)} checks it too. The read is recorded under the grant's
   * purpose.
   */
  public PolicyDecision decideWithGrant(StaffUser user, Grant grant, Instant now, Operation op) {
    Objects.requireNonNull(user, "user is required.");
    Objects.requireNonNull(grant, "grant is required.");
    Objects.requireNonNull(now, "now is required.");
    Objects.requireNonNull(op, "op is required.");
    String rule = "grant:" + grant.id();
    if (!grant.grantee().equals(user.userId())) {
      return PolicyDecision.denyHidden(rule, "This grant was not made to you.");
    }
    if (metadataOnly(user)) {
      return PolicyDecision.deny(
          "separation-of-duties",
          metadataOnlyRoles(user) + " never receive document content, not even through a grant.");
    }
    if (grant.isRevoked()) {
      return PolicyDecision.deny(rule, "This grant was revoked at " + grant.revokedAt() + ".");
    }
    if (grant.isExpired(now)) {
      return PolicyDecision.deny(rule, "This grant expired at " + grant.expiresAt() + ".");
    }
    if (op != Operation.READ) {
      return PolicyDecision.deny(rule, "A grant allows reading only.");
    }
    return PolicyDecision.allowUntil(
        rule,
        "Shared with you by "
            + grant.grantor()
            + " for "
            + grant.purpose()
            + " until "
            + grant.expiresAt()
            + ".",
        null,
        grant.expiresAt());
  }

  /**
   * {@link #decideWithGrant(StaffUser, Grant, Instant, Operation)}, first checking that the grant
   * covers {@code versionId} of {@code documentId} ({@code versionId} null: the document as a
   * whole).
   */
  public PolicyDecision decideWithGrant(
      StaffUser user, Grant grant, String documentId, String versionId, Instant now, Operation op) {
    Objects.requireNonNull(grant, "grant is required.");
    Objects.requireNonNull(documentId, "documentId is required.");
    if (!grant.covers(documentId, versionId)) {
      return PolicyDecision.denyHidden(
          "grant:" + grant.id(), "This grant does not cover this document or version.");
    }
    return decideWithGrant(user, grant, now, op);
  }

  /**
   * May {@code grantor} share a document with {@code grantee}, and until when? Refuses AUDITOR and
   * ADMIN, a grantor who may not read the document ({@code grantorMayRead}: the matrix decision of
   * {@link #decideDocument} for READ, not a grant or break-glass, so shared documents are not
   * re-shared), a missing grantee, a grant to oneself, and a non-positive duration or one above the
   * file's maximum. When allowed, {@link PolicyDecision#expiresAt()} is {@code now} plus the
   * requested duration (or the file's default).
   *
   * @param requested the duration asked for, or null for the default
   * @throws PurposeException if {@code purpose} is missing or not in use (the REST layer answers
   *     400)
   */
  public PolicyDecision validateNewGrant(
      StaffUser grantor,
      boolean grantorMayRead,
      String grantee,
      String purpose,
      Duration requested,
      Instant now) {
    Objects.requireNonNull(grantor, "grantor is required.");
    Objects.requireNonNull(now, "now is required.");
    if (metadataOnly(grantor)) {
      return PolicyDecision.deny(
          "separation-of-duties",
          metadataOnlyRoles(grantor) + " never share document content (separation of duties).");
    }
    if (!grantorMayRead) {
      return PolicyDecision.deny(
          "grant-create:not-entitled", "You may share only documents you may read yourself.");
    }
    if (grantee == null || grantee.isBlank()) {
      return PolicyDecision.deny(
          "grant-create:grantee", "A grant needs the user id of the person it is for.");
    }
    if (grantee.equals(grantor.userId())) {
      return PolicyDecision.deny("grant-create:self", "You cannot grant a document to yourself.");
    }
    Purpose p = parsePurpose(purpose);
    Duration d = requested == null ? file.grants().defaultDuration() : requested;
    if (d.isNegative() || d.isZero()) {
      return PolicyDecision.deny(
          "grant-create:duration",
          "A grant's duration must be positive (asked for " + Durations.format(d) + ").");
    }
    if (d.compareTo(file.grants().maxDuration()) > 0) {
      return PolicyDecision.deny(
          "grant-create:duration",
          "Grants last at most "
              + Durations.format(file.grants().maxDuration())
              + " (asked for "
              + Durations.format(d)
              + ").");
    }
    Instant expiresAt = now.plus(d);
    return PolicyDecision.allowUntil(
        "grant-create",
        "Shared with " + grantee + " for " + p + " until " + expiresAt + ".",
        null,
        expiresAt);
  }

  // ---- break-glass
  // ---------------------------------------------------------------------------------

  /**
   * May {@code user} break the glass — open a subject's record outside the matrix and outside their
   * centres, read only — and until when? Only the file's break-glass roles (never AUDITOR or
   * ADMIN), with a justification of at least the file's minimum length after trimming surrounding
   * white space (counted in characters, i.e. code points), for a positive duration up to the file's
   * maximum ({@code null}: the default). When allowed, {@link PolicyDecision#expiresAt()} is {@code
   * now} plus the duration; the server flags every use in the access log and queues it for auditor
   * review.
   */
  public PolicyDecision decideBreakGlass(
      StaffUser user, String justification, Duration requested, Instant now) {
    Objects.requireNonNull(user, "user is required.");
    Objects.requireNonNull(now, "now is required.");
    BreakGlassSettings settings = file.breakGlass();
    if (metadataOnly(user)) {
      return PolicyDecision.deny(
          "separation-of-duties",
          metadataOnlyRoles(user) + " may never use break-glass (separation of duties).");
    }
    Role role = breakGlassRole(user);
    if (role == null) {
      return PolicyDecision.deny(
          "break-glass:role", "Break-glass is open only to " + names(settings.roles()) + ".");
    }
    String text = justification == null ? "" : justification.strip();
    int length = text.codePointCount(0, text.length());
    if (length < settings.minJustificationLength()) {
      return PolicyDecision.deny(
          "break-glass:justification",
          "Break-glass needs a written justification of at least "
              + settings.minJustificationLength()
              + " characters (got "
              + length
              + ").");
    }
    Duration d = requested == null ? settings.defaultDuration() : requested;
    if (d.isNegative() || d.isZero()) {
      return PolicyDecision.deny(
          "break-glass:duration",
          "The duration must be positive (asked for " + Durations.format(d) + ").");
    }
    if (d.compareTo(settings.maxDuration()) > 0) {
      return PolicyDecision.deny(
          "break-glass:duration",
          "Break-glass lasts at most "
              + Durations.format(settings.maxDuration())
              + " (asked for "
              + Durations.format(d)
              + ").");
    }
    Instant expiresAt = now.plus(d);
    return PolicyDecision.allowUntil(
        "break-glass",
        "Break-glass as " + role + " until " + expiresAt + "; flagged for auditor review.",
        role,
        expiresAt);
  }

  /**
   * May {@code user} act on a record they broke the glass for, which ends at {@code expiresAt}?
   * READ only, while it lasts, and only while the user still holds a break-glass role and neither
   * AUDITOR nor ADMIN.
   */
  public PolicyDecision decideUnderBreakGlass(
      StaffUser user, Instant expiresAt, Instant now, Operation op) {
    Objects.requireNonNull(user, "user is required.");
    Objects.requireNonNull(expiresAt, "expiresAt is required.");
    Objects.requireNonNull(now, "now is required.");
    Objects.requireNonNull(op, "op is required.");
    if (metadataOnly(user)) {
      return PolicyDecision.deny(
          "separation-of-duties",
          metadataOnlyRoles(user) + " may never use break-glass (separation of duties).");
    }
    Role role = breakGlassRole(user);
    if (role == null) {
      return PolicyDecision.deny(
          "break-glass:role",
          "Break-glass is open only to " + names(file.breakGlass().roles()) + ".");
    }
    if (!now.isBefore(expiresAt)) {
      return PolicyDecision.deny(
          "break-glass:expired", "Your break-glass access ended at " + expiresAt + ".");
    }
    if (op != Operation.READ) {
      return PolicyDecision.deny("break-glass:read-only", "Break-glass allows reading only.");
    }
    return PolicyDecision.allowUntil(
        "break-glass",
        "Break-glass as " + role + " until " + expiresAt + "; flagged for auditor review.",
        role,
        expiresAt);
  }

  // ---- purposes
  // ------------------------------------------------------------------------------------

  /**
   * The purpose of use named by {@code raw} (surrounding white space ignored; exact, upper-case
   * names).
   *
   * @throws PurposeException if {@code raw} is missing or blank, or names no purpose in use
   */
  public Purpose parsePurpose(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new PurposeException(
          "A purpose of use is required: one of " + names(file.purposes()) + ".", true);
    }
    String name = raw.strip();
    return Purpose.parse(name)
        .filter(file.purposes()::contains)
        .orElseThrow(
            () ->
                new PurposeException(
                    "Unknown purpose of use '"
                        + echo(name)
                        + "': expected one of "
                        + names(file.purposes())
                        + ".",
                    false));
  }

  /**
   * The purposes {@code role} may state: its list in the file, or every purpose in use if it has
   * none.
   */
  public Set<Purpose> purposesFor(Role role) {
    return file.purposesByRole()
        .getOrDefault(Objects.requireNonNull(role, "role is required."), file.purposes());
  }

  /** May {@code user} state {@code purpose}? Allowed if any of the user's roles may. */
  public PolicyDecision decidePurpose(StaffUser user, Purpose purpose) {
    Objects.requireNonNull(user, "user is required.");
    Objects.requireNonNull(purpose, "purpose is required.");
    for (Role role : sorted(user.roles())) {
      if (purposesFor(role).contains(purpose)) {
        return PolicyDecision.allow(
            "purpose:" + role + ":" + purpose, role + " may state " + purpose + ".", role);
      }
    }
    return PolicyDecision.deny(
        "purpose:" + joinRoles(user) + ":" + purpose,
        mayNot(user, "state the purpose " + purpose) + ".");
  }

  // ---- helpers
  // -------------------------------------------------------------------------------------

  private boolean visible(StaffUser user, String subjectCentre) {
    return user.centres().contains(subjectCentre)
        || user.roles().stream().anyMatch(this::isNational);
  }

  private static PolicyDecision outsideCentres() {
    return PolicyDecision.denyHidden("centre-scope", "The subject is outside your centres.");
  }

  /** Holds a role that never receives content (the reports-only roles included). */
  private static boolean metadataOnly(StaffUser user) {
    return user.roles().stream()
        .anyMatch(r -> METADATA_ONLY_ROLES.contains(r) || REPORTS_ONLY_ROLES.contains(r));
  }

  private static String metadataOnlyRoles(StaffUser user) {
    return names(
            user.roles().stream()
                .filter(r -> METADATA_ONLY_ROLES.contains(r) || REPORTS_ONLY_ROLES.contains(r))
                .toList())
        .replace(", ", " and ");
  }

  /** Whether {@code user} holds a role that sees reports only. */
  public static boolean reportsOnly(StaffUser user) {
    return user.roles().stream().anyMatch(REPORTS_ONLY_ROLES::contains);
  }

  private static PolicyDecision reportsOnlyDenial() {
    return PolicyDecision.deny(
        "separation-of-duties",
        "ANALYST sees programme figures only, never a person (separation of duties).");
  }

  private Role breakGlassRole(StaffUser user) {
    return sorted(user.roles()).stream()
        .filter(file.breakGlass().roles()::contains)
        .findFirst()
        .orElse(null);
  }

  private static List<Role> sorted(Set<Role> roles) {
    return roles.stream().sorted().toList();
  }

  /** The user's roles joined with {@code +} in {@link Role} order, or {@code NONE}. */
  static String joinRoles(StaffUser user) {
    return Role.joined(user.roles());
  }

  /**
   * "Your role X may not …", "None of your roles (X, Y) may …" or "A user without roles may not …".
   */
  private static String mayNot(StaffUser user, String action) {
    return switch (user.roles().size()) {
      case 0 -> "A user without roles may not " + action;
      case 1 -> "Your role " + user.roles().iterator().next() + " may not " + action;
      default -> "None of your roles (" + names(user.roles()) + ") may " + action;
    };
  }

  private static String phrase(SubjectOperation op) {
    return switch (op) {
      case READ_METADATA -> "read subjects' non-identifying fields";
      case READ_NAME -> "read subjects' full names (no other identifying field)";
      case READ_IDENTIFYING -> "read subjects' identifying fields";
      case WRITE -> "register or change subjects";
    };
  }

  private static <E extends Enum<E>> String names(java.util.Collection<E> items) {
    return items.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
  }

  /**
   * At most {@value #MAX_ECHO} characters of user input, control characters replaced, for messages.
   */
  private static String echo(String raw) {
    String s = raw.length() > MAX_ECHO ? raw.substring(0, MAX_ECHO) + "…" : raw;
    return s.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  @Override
  public String toString() {
    return "Policy[national="
        + file.nationalRoles()
        + ", breakGlass="
        + file.breakGlass().roles()
        + "]";
  }
}

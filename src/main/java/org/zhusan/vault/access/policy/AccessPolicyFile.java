package org.zhusan.vault.access.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The validated content of a policy file (see {@code config/access-policy.yaml}). Immutable and
 * thread-safe; maps and sets iterate in declaration order of their enums.
 *
 * <p>The constructor enforces what the {@link PolicyLoader} reports with line numbers, so a policy
 * built in code cannot break them either: the matrix is complete; AUDITOR and ADMIN have {@code
 * none} everywhere and are absent from {@code read-name}, {@code read-identifying}, {@code write}
 * and break-glass; {@code read-name} ⊆ {@code read-metadata} and disjoint from {@code
 * read-identifying} (which includes the name); {@code read-identifying} ⊆ {@code read-metadata} and
 * {@code write} ⊆ {@code read-identifying}; at least one purpose is in use and every role's
 * purposes are among them.
 *
 * @param documents role → document type → permission, for every role and every type
 * @param nationalRoles roles whose holders see subjects of every centre
 * @param subjects subject action → the roles that may perform it (in scope); {@code read-name} may
 *     be absent (nobody)
 * @param breakGlass break-glass settings
 * @param grants grant settings
 * @param purposes the purposes of use in force
 * @param purposesByRole for the roles listed, the purposes they may state; a role absent from the
 *     map may state any purpose in force
 */
public record AccessPolicyFile(
    Map<Role, Map<PolicyDocumentType, Permission>> documents,
    Set<Role> nationalRoles,
    Map<SubjectOperation, Set<Role>> subjects,
    BreakGlassSettings breakGlass,
    GrantSettings grants,
    Set<Purpose> purposes,
    Map<Role, Set<Purpose>> purposesByRole) {

  public AccessPolicyFile {
    Objects.requireNonNull(documents, "documents is required.");
    Objects.requireNonNull(subjects, "subjects is required.");
    Objects.requireNonNull(breakGlass, "breakGlass is required.");
    Objects.requireNonNull(grants, "grants is required.");
    Objects.requireNonNull(purposesByRole, "purposesByRole is required.");

    EnumMap<Role, Map<PolicyDocumentType, Permission>> matrix = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      Map<PolicyDocumentType, Permission> row = documents.get(role);
      if (row == null && Policy.REPORTS_ONLY_ROLES.contains(role)) {
        row = new EnumMap<>(PolicyDocumentType.class);
        for (PolicyDocumentType type : PolicyDocumentType.values()) {
          row.put(type, Permission.NONE); // reports only: none, listed or not
        }
      }
      if (row == null) {
        throw new IllegalArgumentException("documents: role " + role + " is missing.");
      }
      EnumMap<PolicyDocumentType, Permission> copy = new EnumMap<>(PolicyDocumentType.class);
      for (PolicyDocumentType type : PolicyDocumentType.values()) {
        Permission p = row.get(type);
        if (p == null) {
          throw new IllegalArgumentException("documents: " + role + " → " + type + " is missing.");
        }
        if (p != Permission.NONE
            && (Policy.METADATA_ONLY_ROLES.contains(role)
                || Policy.REPORTS_ONLY_ROLES.contains(role))) {
          throw new IllegalArgumentException(
              "separation of duties: "
                  + role
                  + " → "
                  + type
                  + " must be none (found "
                  + p.yamlName()
                  + ").");
        }
        copy.put(type, p);
      }
      matrix.put(role, Collections.unmodifiableMap(copy));
    }
    documents = Collections.unmodifiableMap(matrix);

    nationalRoles = Collections.unmodifiableSet(EnumSets.copyOf(Role.class, nationalRoles));

    EnumMap<SubjectOperation, Set<Role>> subjectCopy = new EnumMap<>(SubjectOperation.class);
    for (SubjectOperation op : SubjectOperation.values()) {
      Set<Role> roles = subjects.get(op);
      if (roles == null && !op.required()) {
        roles = Set.of();
      }
      if (roles == null) {
        throw new IllegalArgumentException("subjects: " + op.yamlName() + " is missing.");
      }
      Set<Role> set = Collections.unmodifiableSet(EnumSets.copyOf(Role.class, roles));
      if (!op.openToMetadataOnlyRoles()) {
        for (Role r : set) {
          if (Policy.METADATA_ONLY_ROLES.contains(r)) {
            throw new IllegalArgumentException(
                "separation of duties: " + r + " may never be in subjects." + op.yamlName() + ".");
          }
        }
      }
      subjectCopy.put(op, set);
    }
    requireSubset(subjectCopy, SubjectOperation.READ_NAME, SubjectOperation.READ_METADATA);
    requireDisjoint(subjectCopy, SubjectOperation.READ_NAME, SubjectOperation.READ_IDENTIFYING);
    requireSubset(subjectCopy, SubjectOperation.READ_IDENTIFYING, SubjectOperation.READ_METADATA);
    requireSubset(subjectCopy, SubjectOperation.WRITE, SubjectOperation.READ_IDENTIFYING);
    subjects = Collections.unmodifiableMap(subjectCopy);

    purposes = Collections.unmodifiableSet(EnumSets.copyOf(Purpose.class, purposes));
    if (purposes.isEmpty()) {
      throw new IllegalArgumentException("purposes: at least one purpose must be in use.");
    }
    EnumMap<Role, Set<Purpose>> byRole = new EnumMap<>(Role.class);
    for (Map.Entry<Role, Set<Purpose>> e : purposesByRole.entrySet()) {
      Set<Purpose> set = Collections.unmodifiableSet(EnumSets.copyOf(Purpose.class, e.getValue()));
      for (Purpose p : set) {
        if (!purposes.contains(p)) {
          throw new IllegalArgumentException(
              "purposes: " + e.getKey() + " may state " + p + ", which is not in use.");
        }
      }
      byRole.put(Objects.requireNonNull(e.getKey()), set);
    }
    purposesByRole = Collections.unmodifiableMap(byRole);
  }

  private static void requireSubset(
      Map<SubjectOperation, Set<Role>> subjects, SubjectOperation sub, SubjectOperation sup) {
    for (Role r : subjects.get(sub)) {
      if (!subjects.get(sup).contains(r)) {
        throw new IllegalArgumentException(
            "subjects: " + r + " is in " + sub.yamlName() + " but not in " + sup.yamlName() + ".");
      }
    }
  }

  private static void requireDisjoint(
      Map<SubjectOperation, Set<Role>> subjects, SubjectOperation a, SubjectOperation b) {
    for (Role r : subjects.get(a)) {
      if (subjects.get(b).contains(r)) {
        throw new IllegalArgumentException(
            "subjects: " + r + " is in both " + a.yamlName() + " and " + b.yamlName() + ".");
      }
    }
  }

  /** The permission of {@code role} on {@code type} as written in the file. */
  public Permission permission(Role role, PolicyDocumentType type) {
    return documents.get(role).get(type);
  }
}

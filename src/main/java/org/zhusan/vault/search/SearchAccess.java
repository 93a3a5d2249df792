package org.zhusan.vault.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.zhusan.vault.access.AccessPolicy;
import org.zhusan.vault.access.Role;
import org.zhusan.vault.access.StaffUser;
import org.zhusan.vault.access.policy.Operation;
import org.zhusan.vault.access.policy.Policy;
import org.zhusan.vault.access.policy.PolicyDocumentType;

/**
 * Which document types a caller's roles may read, for filtering search hits in SQL — taken from the
 * access policy file (role × document type), so search never shows a hit that a download would
 * refuse. AUDITOR and ADMIN read no content and get none.
 */
@ApplicationScoped
public class SearchAccess {
  @Inject AccessPolicy accessPolicy;

  /**
   * The document types (names of {@code DocumentType}) any of the caller's roles may READ; sorted.
   */
  public Set<String> readableTypes(StaffUser user) {
    return readableTypes(accessPolicy.policy(), user);
  }

  static Set<String> readableTypes(Policy policy, StaffUser user) {
    Set<String> types = new TreeSet<>();
    if (user.roles().stream().anyMatch(Policy.METADATA_ONLY_ROLES::contains)) {
      return Set.of();
    }
    for (Role role : user.roles()) {
      for (PolicyDocumentType type : PolicyDocumentType.values()) {
        if (policy.permission(role, type).permits(Operation.READ)) {
          types.add(type.name());
        }
      }
    }
    return Collections.unmodifiableSet(types);
  }
}

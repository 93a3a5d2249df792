package org.zhusan.vault.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.zhusan.vault.access.Role;
import org.zhusan.vault.access.StaffUser;

/**
 * Which document types a caller's roles may read, for filtering search hits in SQL. The one place
 * search asks the access model about document types: when the role × document-type policy is read
 * from {@code config/}, this method delegates to it.
 *
 * <p>Interim table (need-to-know, DESIGN.md "Access model"); AUDITOR and ADMIN read no content and
 * get none (search refuses them with 403 before this is asked).
 */
@ApplicationScoped
public class SearchAccess {
  private static final Map<Role, Set<String>> INTERIM = new EnumMap<>(Role.class);

  static {
    INTERIM.put(Role.LAWYER, Set.of("COURT", "IDENTITY", "CONSENT", "CORRESPONDENCE"));
    INTERIM.put(Role.PSYCHOLOGIST, Set.of("PSYCH_EVALUATION", "SOCIAL", "EDUCATION", "THEOLOGICAL", "CONSENT"));
    INTERIM.put(Role.PSYCHIATRIST, Set.of("PSYCH_EVALUATION", "MEDICAL", "CONSENT"));
    INTERIM.put(Role.DOCTOR, Set.of("MEDICAL", "PSYCH_EVALUATION", "CONSENT"));
    INTERIM.put(Role.SOCIAL_WORKER, Set.of("SOCIAL", "IDENTITY", "EDUCATION", "CONSENT", "CORRESPONDENCE"));
    INTERIM.put(Role.TEACHER, Set.of("EDUCATION"));
    INTERIM.put(Role.THEOLOGIAN, Set.of("THEOLOGICAL"));
    INTERIM.put(Role.NGO_PARTNER, Set.of("EDUCATION"));
    INTERIM.put(Role.AUDITOR, Set.of());
    INTERIM.put(Role.ADMIN, Set.of());
  }

  /** The document types (names of {@code DocumentType}) any of the caller's roles may READ; sorted. */
  public Set<String> readableTypes(StaffUser user) {
    Set<String> types = new TreeSet<>();
    for (Role role : user.roles()) {
      types.addAll(INTERIM.getOrDefault(role, Set.of()));
    }
    return Collections.unmodifiableSet(types);
  }
}

package org.zhusan.vault.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.access.Role;
import org.zhusan.vault.access.StaffUser;
import org.zhusan.vault.documents.content.DocumentType;

class SearchAccessTest {
  private Set<String> of(Role... roles) {
    return SearchAccess.readableTypes(
        org.zhusan.vault.access.policy.PolicyLoader.defaults(),
        new StaffUser(
            "u", roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles), Set.of("AST-01")));
  }

  @Test
  void readableTypesFollowTheDefaultPolicy() {
    assertEquals(Set.of("COURT", "IDENTITY", "CONSENT", "CORRESPONDENCE"), of(Role.LAWYER));
    assertEquals(Set.of("EDUCATION"), of(Role.TEACHER));
    assertEquals(Set.of("THEOLOGICAL"), of(Role.THEOLOGIAN));
    assertEquals(Set.of("PSYCH_EVALUATION", "MEDICAL", "CONSENT"), of(Role.PSYCHIATRIST));
    assertEquals(
        Set.of("IDENTITY", "SOCIAL", "EDUCATION", "CONSENT", "CORRESPONDENCE"),
        of(Role.SOCIAL_WORKER));
    assertTrue(of(Role.AUDITOR).isEmpty());
    assertTrue(of(Role.ADMIN).isEmpty());
    assertTrue(of().isEmpty());
  }

  @Test
  void rolesAddUpButAdminOrAuditorGetsNothing() {
    assertEquals(
        Set.of("COURT", "IDENTITY", "CONSENT", "CORRESPONDENCE", "EDUCATION"),
        of(Role.LAWYER, Role.TEACHER));
    assertTrue(
        of(Role.LAWYER, Role.ADMIN).isEmpty(), "separation of duties wins over any other role");
  }

  @Test
  void onlyRealDocumentTypes() {
    Set<String> all = new java.util.HashSet<>();
    for (DocumentType t : DocumentType.values()) {
      all.add(t.name());
    }
    Set<String> readable = of(Role.values());
    assertTrue(all.containsAll(readable), readable::toString);
  }
}

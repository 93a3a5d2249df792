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
  private final SearchAccess access = new SearchAccess();

  private Set<String> of(Role... roles) {
    return access.readableTypes(new StaffUser("u", roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles), Set.of("AST-01")));
  }

  @Test
  void interimTable() {
    assertEquals(Set.of("COURT", "IDENTITY", "CONSENT", "CORRESPONDENCE"), of(Role.LAWYER));
    assertEquals(Set.of("EDUCATION"), of(Role.TEACHER));
    assertEquals(Set.of("THEOLOGICAL"), of(Role.THEOLOGIAN));
    assertEquals(Set.of("PSYCH_EVALUATION", "MEDICAL", "CONSENT"), of(Role.PSYCHIATRIST));
    assertTrue(of(Role.AUDITOR).isEmpty());
    assertTrue(of(Role.ADMIN).isEmpty());
    assertTrue(of().isEmpty());
  }

  @Test
  void rolesAddUp() {
    assertEquals(Set.of("COURT", "IDENTITY", "CONSENT", "CORRESPONDENCE", "EDUCATION"), of(Role.LAWYER, Role.TEACHER));
    assertEquals(Set.of("COURT", "IDENTITY", "CONSENT", "CORRESPONDENCE"), of(Role.LAWYER, Role.ADMIN));
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

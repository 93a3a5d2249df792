package org.zhusan.vault.access.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhusan.vault.access.policy.PolicyFixtures.HOME;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** ANALYST sees figures only: no person, no document, whatever else the token or the file says. */
class PolicyAnalystTest {
  private static final Policy POLICY = PolicyLoader.defaults();

  @Test
  void anAnalystSeesNoPersonAndNoDocumentEvenWithAnotherRole() {
    for (Set<Role> roles : Set.of(Set.of(Role.ANALYST), Set.of(Role.ANALYST, Role.LAWYER))) {
      StaffUser user = PolicyFixtures.user("analyst", roles, HOME);
      for (SubjectOperation op : SubjectOperation.values()) {
        PolicyDecision d = POLICY.decideSubject(user, HOME, op);
        assertFalse(d.allowed(), roles + " " + op);
        assertEquals("separation-of-duties", d.rule());
        assertFalse(POLICY.decideSubjectAnyCentre(user, op).allowed(), roles + " " + op);
      }
      for (PolicyDocumentType type : PolicyDocumentType.values()) {
        assertFalse(POLICY.decideDocument(user, type, HOME, Operation.READ).allowed());
        assertEquals(Permission.NONE, POLICY.permission(Role.ANALYST, type));
      }
    }
    // Without ANALYST, the lawyer's own rights are untouched.
    assertTrue(
        POLICY
            .decideSubject(
                PolicyFixtures.user("lawyer", Set.of(Role.LAWYER), HOME),
                HOME,
                SubjectOperation.READ_METADATA)
            .allowed());
  }

  @Test
  void theFileMayNotGiveAnAnalystContentOrAPlaceInAnyList() {
    PolicyException content =
        assertThrows(
            PolicyException.class,
            () ->
                PolicyFixtures.defaultWith(
                    "  ANALYST:\n    IDENTITY: none", "  ANALYST:\n    IDENTITY: read"));
    assertTrue(content.getMessage().contains("ANALYST"), content.getMessage());
    PolicyException national =
        assertThrows(
            PolicyException.class,
            () -> PolicyFixtures.defaultWith("national-roles: []", "national-roles: [ANALYST]"));
    assertTrue(
        national.getMessage().contains("ANALYST may never be in national-roles"),
        national.getMessage());
  }
}

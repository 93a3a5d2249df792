package org.zhusan.vault.access.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhusan.vault.access.policy.PolicyFixtures.ELSEWHERE;
import static org.zhusan.vault.access.policy.PolicyFixtures.HOME;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks the whole default matrix — every role × every document type × read/write × inside/outside
 * the user's centre — against the built-in policy. The expected outcomes are written out below by
 * hand from the need-to-know rules in DESIGN.md, not computed from the YAML, so a change to the
 * file that is not also made here fails the build.
 */
class DefaultMatrixTest {

  /** W = write (and read), R = read only, - = nothing. Columns in the order of the header. */
  private static final String EXPECTED =
      """
      ROLE           IDENTITY COURT PSYCH_EVALUATION MEDICAL SOCIAL EDUCATION THEOLOGICAL CONSENT CORRESPONDENCE
      LAWYER         W        W     -                -       -      -         -           W       W
      PSYCHOLOGIST   -        -     W                -       R      R         R           R       -
      PSYCHIATRIST   -        -     W                R       -      -         -           R       -
      DOCTOR         -        -     R                W       -      -         -           W       -
      SOCIAL_WORKER  W        -     -                -       W      R         -           W       W
      TEACHER        -        -     -                -       -      W         -           -       -
      THEOLOGIAN     -        -     -                -       -      -         W           -       -
      NGO_PARTNER    -        -     -                -       -      R         -           -       -
      AUDITOR        -        -     -                -       -      -         -           -       -
      ADMIN          -        -     -                -       -      -         -           -       -
      ANALYST        -        -     -                -       -      -         -           -       -
      """;

  private static final Policy POLICY = PolicyLoader.defaults();

  private static Map<Role, Map<PolicyDocumentType, Character>> expected() {
    List<String[]> rows =
        EXPECTED
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .map(l -> l.split("\\s+"))
            .toList();
    String[] header = rows.get(0);
    Map<Role, Map<PolicyDocumentType, Character>> table = new EnumMap<>(Role.class);
    for (String[] row : rows.subList(1, rows.size())) {
      Map<PolicyDocumentType, Character> cells = new EnumMap<>(PolicyDocumentType.class);
      for (int i = 1; i < header.length; i++) {
        cells.put(PolicyDocumentType.valueOf(header[i]), row[i].charAt(0));
      }
      table.put(Role.valueOf(row[0]), cells);
    }
    return table;
  }

  static Stream<Arguments> everyCase() {
    Map<Role, Map<PolicyDocumentType, Character>> table = expected();
    List<Arguments> cases = new ArrayList<>();
    for (Role role : Role.values()) {
      for (PolicyDocumentType type : PolicyDocumentType.values()) {
        char cell = table.get(role).get(type);
        for (Operation op : Operation.values()) {
          boolean allowed = op == Operation.READ ? cell == 'W' || cell == 'R' : cell == 'W';
          cases.add(Arguments.of(role, type, op, true, allowed));
          cases.add(Arguments.of(role, type, op, false, false));
        }
      }
    }
    return cases.stream();
  }

  @Test
  void expectedTableCoversEveryRoleAndType() {
    Map<Role, Map<PolicyDocumentType, Character>> table = expected();
    assertEquals(Set.of(Role.values()), table.keySet());
    table.values().forEach(row -> assertEquals(Set.of(PolicyDocumentType.values()), row.keySet()));
    assertEquals(
        Role.values().length * PolicyDocumentType.values().length * 2 * 2, everyCase().count());
  }

  @ParameterizedTest(name = "{0} {2} {1}, inside centre: {3} → allowed: {4}")
  @MethodSource("everyCase")
  void decidesAsWrittenInTheTable(
      Role role, PolicyDocumentType type, Operation op, boolean inside, boolean allowed) {
    StaffUser user = new StaffUser("u-1", Set.of(role), Set.of(HOME));
    PolicyDecision d = POLICY.decideDocument(user, type.name(), inside ? HOME : ELSEWHERE, op);

    assertEquals(allowed, d.allowed(), d.toString());
    String verb = op == Operation.READ ? "read" : "write";
    if (!inside) {
      assertEquals("centre-scope", d.rule());
      assertTrue(d.hideExistence(), "a subject outside the user's centres is answered 404");
    } else if (role == Role.AUDITOR || role == Role.ADMIN || role == Role.ANALYST) {
      assertEquals("separation-of-duties", d.rule());
      assertEquals(false, d.hideExistence());
    } else {
      assertEquals("matrix:" + role + ":" + type + ":" + verb, d.rule());
      assertEquals(false, d.hideExistence());
    }
    assertEquals(allowed ? Optional.of(role) : Optional.empty(), d.roleUsed());
    assertEquals(Optional.empty(), d.expiresAt());
  }

  @Test
  void effectivePermissionsMatchTheTable() {
    Map<Role, Map<PolicyDocumentType, Character>> table = expected();
    for (Role role : Role.values()) {
      for (PolicyDocumentType type : PolicyDocumentType.values()) {
        Permission want =
            switch (table.get(role).get(type)) {
              case 'W' -> Permission.WRITE;
              case 'R' -> Permission.READ;
              default -> Permission.NONE;
            };
        assertEquals(want, POLICY.permission(role, type), role + " → " + type);
      }
    }
  }

  @Test
  void noRoleIsNationalByDefault() {
    assertEquals(Set.of(), POLICY.file().nationalRoles());
  }
}

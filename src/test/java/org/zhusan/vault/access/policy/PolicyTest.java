package org.zhusan.vault.access.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhusan.vault.access.policy.PolicyFixtures.ELSEWHERE;
import static org.zhusan.vault.access.policy.PolicyFixtures.HOME;
import static org.zhusan.vault.access.policy.PolicyFixtures.defaultWith;
import static org.zhusan.vault.access.policy.PolicyFixtures.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhusan.vault.access.Role;
import org.zhusan.vault.access.StaffUser;

/**
 * Document decisions beyond the single-role matrix (several roles, national roles), and subject
 * decisions.
 */
class PolicyTest {
  private static final Policy POLICY = PolicyLoader.defaults();

  // ---- several roles
  // -------------------------------------------------------------------------------

  @Test
  void anyRoleThatAllowsIsEnoughAndIsNamed() {
    StaffUser lawyerDoctor = user(Role.LAWYER, Role.DOCTOR);
    PolicyDecision medical = POLICY.decideDocument(lawyerDoctor, "MEDICAL", HOME, Operation.WRITE);
    assertTrue(medical.allowed());
    assertEquals("matrix:DOCTOR:MEDICAL:write", medical.rule());
    assertEquals(Optional.of(Role.DOCTOR), medical.roleUsed());
    assertEquals("DOCTOR", medical.roleForLog(lawyerDoctor));

    PolicyDecision court = POLICY.decideDocument(lawyerDoctor, "COURT", HOME, Operation.READ);
    assertEquals("matrix:LAWYER:COURT:read", court.rule());
  }

  @Test
  void aDenialNamesAllTheRoles() {
    StaffUser teacherTheologian = user(Role.THEOLOGIAN, Role.TEACHER);
    PolicyDecision d = POLICY.decideDocument(teacherTheologian, "MEDICAL", HOME, Operation.READ);
    assertFalse(d.allowed());
    assertEquals("matrix:TEACHER+THEOLOGIAN:MEDICAL:read", d.rule());
    assertEquals("TEACHER+THEOLOGIAN", d.roleForLog(teacherTheologian));
    assertEquals(
        "None of your roles (TEACHER, THEOLOGIAN) may read MEDICAL documents.", d.reason());
  }

  @Test
  void aUserWithoutRolesGetsNothing() {
    StaffUser nobody = user("u-0", Set.of(), HOME);
    PolicyDecision d = POLICY.decideDocument(nobody, "EDUCATION", HOME, Operation.READ);
    assertEquals("matrix:NONE:EDUCATION:read", d.rule());
    assertFalse(d.allowed());
    assertEquals("NONE", d.roleForLog(nobody));
  }

  @Test
  void auditorOrAdminAlongsideAClinicalRoleStillGetsNoContent() {
    for (Role metadataOnly : List.of(Role.AUDITOR, Role.ADMIN)) {
      StaffUser doctorToo = user(Role.DOCTOR, metadataOnly);
      PolicyDecision d = POLICY.decideDocument(doctorToo, "MEDICAL", HOME, Operation.READ);
      assertFalse(d.allowed());
      assertEquals("separation-of-duties", d.rule());
      assertEquals(
          metadataOnly + " never receive document content (separation of duties).", d.reason());
    }
  }

  @Test
  void aUserWithoutCentresSeesNoSubject() {
    StaffUser noCentres = user("u-2", Set.of(Role.LAWYER));
    PolicyDecision d = POLICY.decideDocument(noCentres, "COURT", HOME, Operation.READ);
    assertEquals("centre-scope", d.rule());
    assertTrue(d.hideExistence());
  }

  @Test
  void unknownDocumentTypesAreAProgrammingError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> POLICY.decideDocument(user(Role.LAWYER), "COURTS", HOME, Operation.READ));
    assertTrue(e.getMessage().startsWith("unknown document type 'COURTS'"), e.getMessage());
  }

  // ---- national roles
  // ------------------------------------------------------------------------------

  private static final Policy NATIONAL_LAWYERS =
      defaultWith("national-roles: []", "national-roles: [LAWYER]");

  @Test
  void aNationalRoleReachesEveryCentreForWhatItMayDo() {
    StaffUser lawyer = user(Role.LAWYER);
    PolicyDecision court =
        NATIONAL_LAWYERS.decideDocument(lawyer, "COURT", ELSEWHERE, Operation.WRITE);
    assertTrue(court.allowed());
    assertEquals("matrix:LAWYER:COURT:write", court.rule());

    PolicyDecision medical =
        NATIONAL_LAWYERS.decideDocument(lawyer, "MEDICAL", ELSEWHERE, Operation.READ);
    assertFalse(medical.allowed());
    assertFalse(medical.hideExistence(), "a national lawyer may know the subject exists");
    assertEquals("matrix:LAWYER:MEDICAL:read", medical.rule());
  }

  @Test
  void onlyTheNationalRoleReachesOtherCentres() {
    StaffUser lawyerDoctor = user(Role.LAWYER, Role.DOCTOR);
    PolicyDecision medical =
        NATIONAL_LAWYERS.decideDocument(lawyerDoctor, "MEDICAL", ELSEWHERE, Operation.READ);
    assertFalse(medical.allowed());
    assertEquals("centre-scope", medical.rule());
    assertFalse(medical.hideExistence());
    assertEquals(
        "DOCTOR may read MEDICAL documents only of subjects in your own centres.",
        medical.reason());

    assertTrue(
        NATIONAL_LAWYERS.decideDocument(lawyerDoctor, "MEDICAL", HOME, Operation.READ).allowed());
    PolicyDecision doctorAlone =
        NATIONAL_LAWYERS.decideDocument(user(Role.DOCTOR), "MEDICAL", ELSEWHERE, Operation.READ);
    assertTrue(doctorAlone.hideExistence());
  }

  @Test
  void aNationalAuditorStillGetsNoContentAnywhere() {
    Policy policy = defaultWith("national-roles: []", "national-roles: [AUDITOR]");
    PolicyDecision d =
        policy.decideDocument(user(Role.AUDITOR), "SOCIAL", ELSEWHERE, Operation.READ);
    assertEquals("separation-of-duties", d.rule());
    assertFalse(d.hideExistence());
  }

  // ---- subjects
  // ------------------------------------------------------------------------------------

  /**
   * What each role may do with subjects, by hand: M = metadata, N = the name (and metadata), I =
   * identifying fields (and metadata), W = write (and identifying fields), - = nothing. Then the
   * expected fields shown.
   */
  private static final String SUBJECTS =
      """
      LAWYER W IDENTIFYING
      PSYCHOLOGIST W IDENTIFYING
      PSYCHIATRIST W IDENTIFYING
      DOCTOR W IDENTIFYING
      SOCIAL_WORKER W IDENTIFYING
      TEACHER N NAME
      THEOLOGIAN M METADATA
      NGO_PARTNER M METADATA
      AUDITOR - -
      ADMIN - -
      """;

  /** The letters of {@link #SUBJECTS} under which each action is allowed. */
  private static final java.util.Map<SubjectOperation, String> ALLOWED_AT =
      java.util.Map.of(
          SubjectOperation.READ_METADATA, "MNIW",
          SubjectOperation.READ_NAME, "N",
          SubjectOperation.READ_IDENTIFYING, "IW",
          SubjectOperation.WRITE, "W");

  static Stream<Arguments> subjectCases() {
    List<Arguments> cases = new ArrayList<>();
    SUBJECTS
        .lines()
        .map(l -> l.split(" "))
        .forEach(
            row -> {
              Role role = Role.valueOf(row[0]);
              for (SubjectOperation op : SubjectOperation.values()) {
                boolean allowed = ALLOWED_AT.get(op).contains(row[1]);
                cases.add(Arguments.of(role, op, true, allowed));
                cases.add(Arguments.of(role, op, false, false));
              }
            });
    return cases.stream();
  }

  static Stream<Arguments> fieldCases() {
    return SUBJECTS
        .lines()
        .map(l -> l.split(" "))
        .map(row -> Arguments.of(Role.valueOf(row[0]), row[2]));
  }

  @ParameterizedTest(name = "{0} is shown {1}")
  @MethodSource("fieldCases")
  void eachRoleIsShownTheFieldsOfTheTableAndTheDecisionNamesThem(Role role, String expected) {
    for (String centre : java.util.Arrays.asList(HOME, null)) {
      SubjectRead read = POLICY.decideSubjectRead(user(role), centre);
      if (expected.equals("-")) {
        assertFalse(read.decision().allowed(), read.decision().toString());
        assertEquals(SubjectFields.METADATA, read.fields());
        continue;
      }
      SubjectFields fields = SubjectFields.valueOf(expected);
      assertTrue(read.decision().allowed(), read.decision().toString());
      assertEquals(fields, read.fields());
      assertEquals("subject:" + role + ":" + fields.operation().yamlName(), read.decision().rule());
      assertTrue(
          read.decision().reason().endsWith("Fields disclosed: " + fields + "."),
          read.decision().reason());
      assertEquals(Optional.of(role), read.decision().roleUsed());
    }
  }

  @Test
  void outsideTheCentreNothingIsShownAndExistenceIsHidden() {
    SubjectRead read = POLICY.decideSubjectRead(user(Role.LAWYER), ELSEWHERE);
    assertFalse(read.decision().allowed());
    assertTrue(read.decision().hideExistence());
    assertEquals("centre-scope", read.decision().rule());
  }

  @Test
  void severalRolesShowTheWidestFieldSet() {
    assertEquals(
        SubjectFields.IDENTIFYING,
        POLICY.decideSubjectRead(user(Role.TEACHER, Role.DOCTOR), HOME).fields());
    assertEquals(
        SubjectFields.NAME,
        POLICY.decideSubjectRead(user(Role.NGO_PARTNER, Role.TEACHER), HOME).fields());
  }

  @Test
  void aTokenWithAuditorOrAdminNeverGetsNamesEvenAcrossCentres() {
    Policy auditorsSeeMetadata =
        defaultWith("NGO_PARTNER]\n  # The full name", "NGO_PARTNER, AUDITOR]\n  # The full name");
    for (String centre : java.util.Arrays.asList(HOME, null)) {
      SubjectRead read =
          auditorsSeeMetadata.decideSubjectRead(user(Role.AUDITOR, Role.LAWYER), centre);
      assertEquals(SubjectFields.METADATA, read.fields(), read.decision().toString());
      assertEquals(
          "subject:LAWYER:read-metadata",
          read.decision().rule(),
          "the lawyer's metadata right, nothing more");
      assertEquals(
          "separation-of-duties",
          auditorsSeeMetadata
              .decideSubjectAnyCentre(user(Role.ADMIN, Role.TEACHER), SubjectOperation.READ_NAME)
              .rule());
    }
  }

  @ParameterizedTest(name = "{0} {1}, inside centre: {2} → allowed: {3}")
  @MethodSource("subjectCases")
  void subjectActionsFollowTheTable(
      Role role, SubjectOperation op, boolean inside, boolean allowed) {
    PolicyDecision d = POLICY.decideSubject(user(role), inside ? HOME : ELSEWHERE, op);
    assertEquals(allowed, d.allowed(), d.toString());
    if (!inside) {
      assertEquals("centre-scope", d.rule());
      assertTrue(d.hideExistence());
    } else if ((role == Role.AUDITOR || role == Role.ADMIN)
        && op != SubjectOperation.READ_METADATA) {
      assertEquals("separation-of-duties", d.rule());
    } else {
      assertEquals("subject:" + role + ":" + op.yamlName(), d.rule());
      assertFalse(d.hideExistence());
    }
  }

  @Test
  void subjectListsComeFromTheFile() {
    Policy auditorsSeeMetadata =
        defaultWith("NGO_PARTNER]\n  # The full name", "NGO_PARTNER, AUDITOR]\n  # The full name");
    PolicyDecision d =
        auditorsSeeMetadata.decideSubject(user(Role.AUDITOR), HOME, SubjectOperation.READ_METADATA);
    assertTrue(d.allowed(), d.toString());
    assertEquals("subject:AUDITOR:read-metadata", d.rule());
    assertEquals(
        "separation-of-duties",
        auditorsSeeMetadata
            .decideSubject(user(Role.AUDITOR), HOME, SubjectOperation.READ_IDENTIFYING)
            .rule());
  }

  @Test
  void nationalRolesReachSubjectsEverywhere() {
    PolicyDecision d =
        NATIONAL_LAWYERS.decideSubject(
            user(Role.LAWYER), ELSEWHERE, SubjectOperation.READ_IDENTIFYING);
    assertTrue(d.allowed());
    PolicyDecision teacher =
        NATIONAL_LAWYERS.decideSubject(
            user(Role.LAWYER, Role.TEACHER), ELSEWHERE, SubjectOperation.READ_METADATA);
    assertEquals("subject:LAWYER:read-metadata", teacher.rule());
  }
}

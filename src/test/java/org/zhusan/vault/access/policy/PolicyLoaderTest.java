package org.zhusan.vault.access.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhusan.vault.access.policy.PolicyFixtures.defaultText;
import static org.zhusan.vault.access.policy.PolicyFixtures.defaultTextWith;
import static org.zhusan.vault.access.policy.PolicyFixtures.lineOf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhusan.vault.access.Role;
import org.zhusan.vault.access.policy.PolicyFixtures.Small;

class PolicyLoaderTest {

  // ---- the files themselves
  // ------------------------------------------------------------------------

  @Test
  void builtInDefaultIsByteIdenticalToTheConfigFile() throws IOException {
    byte[] config = Files.readAllBytes(PolicyFixtures.REPO.resolve("config/access-policy.yaml"));
    byte[] resource =
        Files.readAllBytes(PolicyFixtures.REPO.resolve("src/main/resources/access-policy.yaml"));
    assertArrayEquals(
        config,
        resource,
        "src/main/resources/access-policy.yaml must be a copy of config/access-policy.yaml: "
            + "cp config/access-policy.yaml src/main/resources/access-policy.yaml");
    assertArrayEquals(
        config, defaultText().getBytes(StandardCharsets.UTF_8), "the classpath copy is current");
  }

  @Test
  void configFileLoadsFromItsPath() {
    Policy policy = PolicyLoader.load(PolicyFixtures.REPO.resolve("config/access-policy.yaml"));
    assertEquals(PolicyLoader.defaults().file(), policy.file());
  }

  @Test
  void defaultsAreLoadedOnce() {
    assertTrue(PolicyLoader.defaults() == PolicyLoader.defaults());
  }

  @Test
  void smallFixtureIsValid() {
    Policy policy = Small.policy();
    assertEquals(Permission.WRITE, policy.permission(Role.LAWYER, PolicyDocumentType.COURT));
    assertEquals(Permission.READ, policy.permission(Role.LAWYER, PolicyDocumentType.IDENTITY));
    assertEquals(10, policy.file().breakGlass().minJustificationLength());
    assertEquals(Duration.ofDays(30), policy.file().grants().maxDuration());
    assertEquals(Set.of(Purpose.TREATMENT), policy.purposesFor(Role.DOCTOR));
    assertEquals(
        Set.of(Purpose.TREATMENT, Purpose.LEGAL_PROCEEDING), policy.purposesFor(Role.LAWYER));
  }

  @Test
  void loadsFromAStreamAndAPath(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("mine.yaml");
    Files.writeString(file, Small.text());
    assertEquals(Small.policy().file(), PolicyLoader.load(file).file());
    assertEquals(
        Small.policy().file(),
        PolicyLoader.load(
                new ByteArrayInputStream(Small.text().getBytes(StandardCharsets.UTF_8)), "x")
            .file());
  }

  @Test
  void aByteOrderMarkIsIgnored() {
    assertEquals(
        Small.policy().file(), PolicyLoader.parse("\uFEFF" + Small.text(), "small.yaml").file());
  }

  @Test
  void resultIsImmutable() {
    AccessPolicyFile file = PolicyLoader.defaults().file();
    assertThrows(UnsupportedOperationException.class, () -> file.documents().remove(Role.LAWYER));
    assertThrows(
        UnsupportedOperationException.class,
        () -> file.documents().get(Role.LAWYER).put(PolicyDocumentType.MEDICAL, Permission.READ));
    assertThrows(UnsupportedOperationException.class, () -> file.nationalRoles().add(Role.LAWYER));
    assertThrows(
        UnsupportedOperationException.class,
        () -> file.subjects().get(SubjectOperation.WRITE).clear());
    assertThrows(UnsupportedOperationException.class, () -> file.purposes().clear());
  }

  // ---- every kind of error names its line
  // ----------------------------------------------------------

  @Test
  void unknownDocumentTypeNamesItsLineAndTheChoices() {
    String text = defaultTextWith("    COURT: write\n", "    COURTS: write\n");
    PolicyException e = rejects(text, "access-policy.yaml");
    int line = lineOf(text, "  LAWYER:", "COURTS");
    assertEquals(
        "access-policy.yaml line "
            + line
            + ": unknown document type 'COURTS' (expected one of IDENTITY, COURT, PSYCH_EVALUATION,"
            + " MEDICAL, SOCIAL, EDUCATION, THEOLOGICAL, CONSENT, CORRESPONDENCE)",
        e.getMessage().lines().findFirst().orElseThrow());
    assertEquals(line, e.problems().get(0).line());
  }

  static Stream<Arguments> badLines() {
    List<Arguments> cases = new ArrayList<>();
    // line, replacement, expected fragment of the detail
    cases.add(
        Arguments.of(3, Small.row(Role.LAWYER).replace("LAWYER", "LAWYR"), "unknown role 'LAWYR'"));
    cases.add(
        Arguments.of(
            4, Small.row(Role.PSYCHOLOGIST, "SOCIAL: reads"), "unknown permission 'reads'"));
    cases.add(
        Arguments.of(4, Small.row(Role.PSYCHOLOGIST, "SOCIAL: yes"), "unknown permission 'yes'"));
    cases.add(Arguments.of(4, Small.row(Role.PSYCHOLOGIST, "SOCIAL: ~"), "has no value"));
    cases.add(Arguments.of(5, "  PSYCHIATRIST: write", "documents.PSYCHIATRIST must be a mapping"));
    cases.add(
        Arguments.of(
            6, Small.row(Role.DOCTOR).replace("}", ", MEDICAL: read}"), "duplicate key 'MEDICAL'"));
    cases.add(
        Arguments.of(
            6,
            Small.row(Role.DOCTOR).replace("MEDICAL: none, ", ""),
            "role DOCTOR is missing document type(s) MEDICAL"));
    cases.add(Arguments.of(1, "version: 2", "unsupported version '2'"));
    cases.add(
        Arguments.of(
            13, "national-roles: [LAWYER, LAWYERS]", "national-roles: unknown role 'LAWYERS'"));
    cases.add(Arguments.of(13, "national-roles: [DOCTOR, DOCTOR]", "DOCTOR is listed twice"));
    cases.add(
        Arguments.of(
            13, "national-roles:", "national-roles has no value (write [] for an empty list)"));
    cases.add(Arguments.of(13, "national-roles: LAWYER", "national-roles must be a list"));
    cases.add(Arguments.of(13, "nationals: []", "unknown key 'nationals'"));
    cases.add(
        Arguments.of(
            16,
            "  read-identifying: [LAWYER, DOCTOR, PSYCHIATRIST]",
            "PSYCHIATRIST is in read-identifying but not in read-metadata"));
    cases.add(
        Arguments.of(17, "  write: [TEACHER]", "TEACHER is in write but not in read-identifying"));
    cases.add(Arguments.of(17, "  writes: [LAWYER]", "subjects: unknown key 'writes'"));
    cases.add(
        Arguments.of(19, "  roles: [LAWYER, DOCTR]", "break-glass.roles: unknown role 'DOCTR'"));
    cases.add(Arguments.of(20, "  min-justification-length: 0", "must be at least 1 (found 0)"));
    cases.add(Arguments.of(20, "  min-justification-length: -5", "must be at least 1 (found -5)"));
    cases.add(
        Arguments.of(20, "  min-justification-length: thirty", "'thirty' is not a whole number"));
    cases.add(Arguments.of(20, "  min-justification-length: 2.5", "'2.5' is not a whole number"));
    cases.add(
        Arguments.of(
            21, "  default-duration: PT0S", "break-glass.default-duration must be positive"));
    cases.add(
        Arguments.of(
            21, "  default-duration: -PT1H", "break-glass.default-duration must be positive"));
    cases.add(
        Arguments.of(
            21,
            "  default-duration: PT5H",
            "default-duration PT5H is longer than max-duration PT4H"));
    cases.add(Arguments.of(22, "  max-duration: 4 hours", "'4 hours' is not an ISO-8601 duration"));
    cases.add(
        Arguments.of(
            22, "  max-duration: [PT4H]", "break-glass.max-duration must be a single value"));
    cases.add(Arguments.of(24, "  default-duration: P1M", "'P1M' is not an ISO-8601 duration"));
    cases.add(Arguments.of(25, "  max-duration: PT0S", "grants.max-duration must be positive"));
    cases.add(Arguments.of(27, "  allowed: [TREATMENT, FUN]", "unknown purpose 'FUN'"));
    cases.add(Arguments.of(27, "  allowed: []", "list at least one purpose"));
    cases.add(
        Arguments.of(
            29, "    DOCTOR: [TREATMENT, PASTORAL]", "PASTORAL is not in purposes.allowed"));
    cases.add(Arguments.of(29, "    DOKTOR: [TREATMENT]", "unknown role 'DOKTOR'"));
    return cases.stream();
  }

  @ParameterizedTest(name = "line {0}: {1}")
  @MethodSource("badLines")
  void eachMistakeIsReportedOnItsLine(int line, String replacement, String fragment) {
    PolicyException e = rejects(Small.withLine(line, replacement), "small.yaml");
    assertEquals(1, e.problems().size(), e.getMessage());
    PolicyException.Problem p = e.problems().get(0);
    assertEquals(line, p.line(), e.getMessage());
    assertTrue(p.detail().contains(fragment), e.getMessage());
    assertTrue(e.getMessage().startsWith("small.yaml line " + line + ": "), e.getMessage());
  }

  @Test
  void aMissingSectionIsNamed() {
    List<String> lines = Small.lines();
    lines.subList(Small.GRANTS - 1, Small.GRANT_MAX).clear();
    PolicyException e = rejects(Small.text(lines), "small.yaml");
    assertEquals(List.of("small.yaml line 1: missing section 'grants'"), messages(e));
  }

  @Test
  void aMissingKeyIsNamedAtItsSection() {
    List<String> lines = Small.lines();
    lines.remove(Small.BG_MAX - 1);
    PolicyException e = rejects(Small.text(lines), "small.yaml");
    assertEquals(
        List.of(
            "small.yaml line "
                + (Small.BREAK_GLASS + 1)
                + ": break-glass: missing key 'max-duration'"),
        messages(e));
  }

  @Test
  void aMissingRoleIsNamedAtTheDocumentsSection() {
    List<String> lines = Small.lines();
    lines.remove(Small.line(Role.NGO_PARTNER) - 1);
    PolicyException e = rejects(Small.text(lines), "small.yaml");
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals(Small.DOCUMENTS + 1, e.problems().get(0).line());
    assertTrue(e.getMessage().contains("documents: missing role(s) NGO_PARTNER"), e.getMessage());
  }

  @Test
  void aDuplicateRoleIsReported() {
    List<String> lines = Small.lines();
    lines.add(Small.line(Role.ADMIN), Small.row(Role.LAWYER, "MEDICAL: read"));
    PolicyException e = rejects(Small.text(lines), "small.yaml");
    assertEquals(
        List.of("small.yaml line 13: documents: duplicate key 'LAWYER' (first on line 3)"),
        messages(e));
  }

  @Test
  void aDuplicateSectionIsReported() {
    List<String> lines = Small.lines();
    lines.add("national-roles: [LAWYER]");
    PolicyException e = rejects(Small.text(lines), "small.yaml");
    assertEquals(
        List.of(
            "small.yaml line 30: the policy file: duplicate key 'national-roles' (first on line"
                + " 13)"),
        messages(e));
  }

  @Test
  void everyProblemIsReportedInLineOrder() {
    List<String> lines = Small.lines();
    lines.set(Small.GRANT_MAX - 1, "  max-duration: forever");
    lines.set(Small.line(Role.TEACHER) - 1, Small.row(Role.TEACHER, "EDUCATION: writ"));
    lines.set(Small.NATIONAL - 1, "national-roles: [KING]");
    PolicyException e = rejects(Small.text(lines), "small.yaml");
    assertEquals(
        List.of(8, 13, 25),
        e.problems().stream().map(PolicyException.Problem::line).toList(),
        e.getMessage());
    assertEquals(3, e.getMessage().lines().count());
  }

  @Test
  void syntaxErrorsNameTheirLine() {
    PolicyException e =
        rejects(Small.withLine(Small.BG_ROLES, "  roles: [LAWYER, DOCTOR"), "small.yaml");
    assertEquals(1, e.problems().size());
    assertTrue(e.problems().get(0).detail().startsWith("not valid YAML"), e.getMessage());
    assertTrue(e.problems().get(0).line() >= Small.BG_ROLES, e.getMessage());

    PolicyException tab =
        rejects(
            Small.withLine(Small.BG_MIN_LENGTH, "\tmin-justification-length: 10"), "small.yaml");
    assertEquals(Small.BG_MIN_LENGTH, tab.problems().get(0).line(), tab.getMessage());
  }

  @Test
  void emptyAndNonMappingFilesAreRejected() {
    assertEquals(
        List.of("empty.yaml: the file is empty"),
        messages(rejects("# nothing here\n", "empty.yaml")));
    assertEquals(
        List.of(
            "list.yaml line 1: the policy file must be a mapping of 'key: value' lines (found a"
                + " list)"),
        messages(rejects("- LAWYER\n", "list.yaml")));
  }

  @Test
  void onlyOneYamlDocumentIsAccepted() {
    PolicyException e = rejects("---\n" + Small.text() + "---\n" + Small.text(), "two.yaml");
    assertTrue(e.getMessage().startsWith("two.yaml line 31: not valid YAML"), e.getMessage());
  }

  @Test
  void invalidUtf8AndHugeFilesAreRejected() {
    byte[] bad = Small.text().getBytes(StandardCharsets.UTF_8);
    bad[5] = (byte) 0xC3;
    bad[6] = (byte) 0x28;
    assertEquals(
        "bad.yaml: not valid UTF-8",
        assertThrows(
                PolicyException.class,
                () -> PolicyLoader.load(new ByteArrayInputStream(bad), "bad.yaml"))
            .getMessage());
    byte[] huge = new byte[PolicyLoader.MAX_BYTES + 1];
    assertThrows(
        PolicyException.class,
        () -> PolicyLoader.load(new ByteArrayInputStream(huge), "huge.yaml"));
  }

  @Test
  void aMissingFileIsReported(@TempDir Path dir) {
    PolicyException e =
        assertThrows(PolicyException.class, () -> PolicyLoader.load(dir.resolve("nope.yaml")));
    assertTrue(e.getMessage().startsWith("nope.yaml: cannot read"), e.getMessage());
  }

  // ---- separation of duties
  // ------------------------------------------------------------------------

  static Stream<Arguments> metadataOnlyCells() {
    List<Arguments> cases = new ArrayList<>();
    for (Role role : List.of(Role.AUDITOR, Role.ADMIN)) {
      for (PolicyDocumentType type : PolicyDocumentType.values()) {
        for (String word : List.of("read", "write")) {
          cases.add(Arguments.of(role, type, word));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @MethodSource("metadataOnlyCells")
  void aFileGivingAuditorOrAdminContentIsRejected(Role role, PolicyDocumentType type, String word) {
    String base = defaultText();
    int line = lineOf(base, "  " + role + ":\n", "    " + type + ": none");
    List<String> lines = new ArrayList<>(base.lines().toList());
    lines.set(line - 1, "    " + type + ": " + word);
    PolicyException e = rejects(String.join("\n", lines) + "\n", "access-policy.yaml");
    assertEquals(
        List.of(
            "access-policy.yaml line "
                + line
                + ": separation of duties: "
                + role
                + " may never read or "
                + "write document content, so "
                + role
                + " → "
                + type
                + " must be 'none' (found '"
                + word
                + "')"),
        messages(e));
  }

  @ParameterizedTest
  @EnumSource(
      value = Role.class,
      names = {"AUDITOR", "ADMIN"})
  void auditorAndAdminMayNotSeeIdentifyingFieldsWriteSubjectsOrBreakGlass(Role role) {
    assertSeparationOfDuties(
        Small.READ_IDENTIFYING, "  read-identifying: [LAWYER, DOCTOR, " + role + "]", role);
    assertSeparationOfDuties(Small.SUBJECT_WRITE, "  write: [LAWYER, " + role + "]", role);
    assertSeparationOfDuties(Small.BG_ROLES, "  roles: [LAWYER, " + role + "]", role);
  }

  private static void assertSeparationOfDuties(int line, String replacement, Role role) {
    PolicyException e = rejects(Small.withLine(line, replacement), "small.yaml");
    assertEquals(line, e.problems().get(0).line(), e.getMessage());
    assertTrue(
        e.problems()
            .get(0)
            .detail()
            .startsWith("separation of duties: " + role + " may never be in"),
        e.getMessage());
  }

  @Test
  void auditorAndAdminMayBeNationalAndReadMetadata() {
    List<String> lines = Small.lines();
    lines.set(Small.NATIONAL - 1, "national-roles: [AUDITOR, ADMIN]");
    lines.set(Small.READ_METADATA - 1, "  read-metadata: [LAWYER, DOCTOR, TEACHER, AUDITOR]");
    Policy policy = PolicyLoader.parse(Small.text(lines), "small.yaml");
    assertTrue(policy.isNational(Role.AUDITOR));
    assertTrue(policy.file().subjects().get(SubjectOperation.READ_METADATA).contains(Role.AUDITOR));
  }

  @Test
  void aPolicyBuiltInCodeCannotGiveAuditorContentEither() {
    AccessPolicyFile good = PolicyLoader.defaults().file();
    var documents =
        new java.util.EnumMap<Role, java.util.Map<PolicyDocumentType, Permission>>(
            good.documents());
    var auditor =
        new java.util.EnumMap<PolicyDocumentType, Permission>(documents.get(Role.AUDITOR));
    auditor.put(PolicyDocumentType.MEDICAL, Permission.READ);
    documents.put(Role.AUDITOR, auditor);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AccessPolicyFile(
                    documents,
                    good.nationalRoles(),
                    good.subjects(),
                    good.breakGlass(),
                    good.grants(),
                    good.purposes(),
                    good.purposesByRole()));
    assertTrue(e.getMessage().startsWith("separation of duties"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new BreakGlassSettings(
                Set.of(Role.ADMIN), 30, Duration.ofHours(1), Duration.ofHours(4)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"!!java.io.File /etc/passwd", "!!python/object:os.system rm"})
  void globalTagsAreRejected(String value) {
    PolicyException e =
        rejects(
            Small.withLine(Small.line(Role.LAWYER), Small.row(Role.LAWYER, "COURT: " + value)),
            "small.yaml");
    assertEquals(Small.line(Role.LAWYER), e.problems().get(0).line());
    assertTrue(
        e.getMessage().contains("not valid YAML: Global tag is not allowed"), e.getMessage());
  }

  @Test
  void localTagsAreIgnoredSoTheWordStillCounts() {
    PolicyException e =
        rejects(
            Small.withLine(
                Small.line(Role.LAWYER), Small.row(Role.LAWYER, "COURT: !secret everything")),
            "small.yaml");
    assertTrue(e.getMessage().contains("unknown permission 'everything'"), e.getMessage());
  }

  // ---- read-name
  // ------------------------------------------------------------------------------------

  /** The small file with {@code read-name} written after read-metadata, as line 16. */
  private static String smallWithReadName(String line) {
    List<String> lines = Small.lines();
    lines.add(Small.READ_METADATA, line);
    return Small.text(lines);
  }

  @Test
  void readNameMayBeLeftOutAndThenNobodySeesTheNameAlone() {
    Policy policy = PolicyLoader.parse(Small.text(), "small.yaml");
    assertEquals(Set.of(), policy.file().subjects().get(SubjectOperation.READ_NAME));
    assertEquals(
        SubjectFields.METADATA,
        policy.decideSubjectRead(PolicyFixtures.user(Role.TEACHER), PolicyFixtures.HOME).fields());
  }

  @Test
  void readNameGivesItsRolesTheNameOnly() {
    Policy policy = PolicyLoader.parse(smallWithReadName("  read-name: [TEACHER]"), "small.yaml");
    assertEquals(Set.of(Role.TEACHER), policy.file().subjects().get(SubjectOperation.READ_NAME));
    assertEquals(
        SubjectFields.NAME,
        policy.decideSubjectRead(PolicyFixtures.user(Role.TEACHER), PolicyFixtures.HOME).fields());
  }

  @Test
  void theDefaultGivesTheNameAloneToTeachersOnly() {
    assertEquals(
        Set.of(Role.TEACHER),
        PolicyLoader.defaults().file().subjects().get(SubjectOperation.READ_NAME));
  }

  static Stream<Arguments> badReadNames() {
    return Stream.of(
        Arguments.of(
            "  read-name: [TEACHER, NGO_PARTNER]",
            "subjects: NGO_PARTNER is in read-name but not in read-metadata"),
        Arguments.of(
            "  read-name: [TEACHER, DOCTOR]",
            "subjects: DOCTOR is in both read-name and read-identifying"),
        Arguments.of(
            "  read-name: [TEACHER, AUDITOR]",
            "separation of duties: AUDITOR may never be in subjects.read-name"),
        Arguments.of(
            "  read-name: [ADMIN]",
            "separation of duties: ADMIN may never be in subjects.read-name"),
        Arguments.of("  read-name: [TEACHR]", "subjects.read-name: unknown role 'TEACHR'"),
        Arguments.of(
            "  read-name: [TEACHER, TEACHER]", "subjects.read-name: TEACHER is listed twice"),
        Arguments.of("  read-name: TEACHER", "subjects.read-name must be a list"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badReadNames")
  void aBadReadNameIsReportedOnItsLine(String line, String fragment) {
    PolicyException e = rejects(smallWithReadName(line), "small.yaml");
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals(Small.READ_METADATA + 1, e.problems().get(0).line(), e.getMessage());
    assertTrue(e.problems().get(0).detail().startsWith(fragment), e.getMessage());
  }

  @Test
  void aPolicyBuiltInCodeCannotGiveTheNameToAuditorOrDoubleListARole() {
    AccessPolicyFile good = PolicyLoader.defaults().file();
    for (Role bad : List.of(Role.AUDITOR, Role.LAWYER)) {
      var subjects = new java.util.EnumMap<SubjectOperation, Set<Role>>(good.subjects());
      subjects.put(SubjectOperation.READ_NAME, Set.of(Role.TEACHER, bad));
      if (bad == Role.AUDITOR) {
        subjects.put(
            SubjectOperation.READ_METADATA,
            java.util.EnumSet.of(Role.AUDITOR, Role.LAWYER, Role.TEACHER));
      }
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  new AccessPolicyFile(
                      good.documents(),
                      good.nationalRoles(),
                      subjects,
                      good.breakGlass(),
                      good.grants(),
                      good.purposes(),
                      good.purposesByRole()));
      assertTrue(e.getMessage().contains(bad.name()), e.getMessage());
    }
  }

  private static PolicyException rejects(String yaml, String source) {
    return assertThrows(PolicyException.class, () -> PolicyLoader.parse(yaml, source));
  }

  private static List<String> messages(PolicyException e) {
    return e.problems().stream().map(PolicyException.Problem::toString).toList();
  }
}

package org.zhusan.vault.outcomes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.access.policy.Role;
import org.zhusan.vault.platform.yaml.YamlFileException;

class OutcomesLoaderTest {
  private static final Path REPO =
      Path.of(System.getProperty("vault.repo.root", ".")).toAbsolutePath();

  @Test
  void theBuiltInFileIsACopyOfConfigOutcomesYaml() throws Exception {
    assertArrayEquals(
        Files.readAllBytes(REPO.resolve("config/outcomes.yaml")),
        Files.readAllBytes(REPO.resolve("src/main/resources/outcomes.yaml")),
        "cp config/outcomes.yaml src/main/resources/outcomes.yaml");
  }

  @Test
  void theDefaultFileGivesEveryKindRolesAndReportsToAnalystsNationally() {
    OutcomesFile f = OutcomesLoader.load(REPO.resolve("config/outcomes.yaml"));
    for (IndicatorKind k : IndicatorKind.values()) {
      assertTrue(f.roles(k).read().containsAll(f.roles(k).record()), k.name());
    }
    assertEquals(
        Set.of(Role.PSYCHOLOGIST, Role.PSYCHIATRIST, Role.THEOLOGIAN),
        f.roles(IndicatorKind.IDEOLOGY_ASSESSMENT).record());
    assertEquals(Set.of(Role.ANALYST, Role.ADMIN), f.allCentres());
    assertTrue(f.reportRoles().contains(Role.TEACHER));
    assertTrue(!f.reportRoles().contains(Role.AUDITOR));
  }

  @Test
  void everyProblemNamesItsLine() {
    String yaml =
        """
        indicators:
          EDUCATION: {record: [TEACHER], read: [TEACHER, AUDITOR]}
          ACTIVITY: {record: [NGO_PARTNER], read: [TEACHER]}
          EMPLOYMENT: {record: [], read: [ANALYST]}
          HOUSING: {record: [], read: [JUDGE]}
          HEALTH_FOLLOW_UP: {record: [DOCTOR], read: [DOCTOR]}
          LEGAL_CASE: {record: [LAWYER], read: [LAWYER, LAWYER]}
          IDEOLOGY_ASSESSMENT: {record: [LAWYER], read: [LAWYER]}
          MOOD: {record: [], read: []}
        reports:
          roles: [ANALYST, AUDITOR]
          all-centres: [ANALYST, ADMIN]
        """;
    YamlFileException e =
        assertThrows(YamlFileException.class, () -> OutcomesLoader.parse(yaml, "outcomes.yaml"));
    String m = e.getMessage();
    assertTrue(m.contains("outcomes.yaml line 2: indicators.EDUCATION.read: AUDITOR never"), m);
    assertTrue(m.contains("line 3: indicators.ACTIVITY.record: NGO_PARTNER records but"), m);
    assertTrue(m.contains("line 4: indicators.EMPLOYMENT.read: ANALYST never"), m);
    assertTrue(m.contains("line 5: indicators.HOUSING.read: unknown role 'JUDGE'"), m);
    assertTrue(m.contains("line 7: indicators.LEGAL_CASE.read: LAWYER is listed twice"), m);
    assertTrue(
        m.contains("line 8: indicators.IDEOLOGY_ASSESSMENT.record: LAWYER may not record it"), m);
    assertTrue(m.contains("line 9: indicators: unknown kind 'MOOD'"), m);
    assertTrue(m.contains("line 11: reports.roles: AUDITOR reviews accesses"), m);
    assertTrue(m.contains("line 12: reports.all-centres: ADMIN is not in reports.roles"), m);
  }

  @Test
  void aMissingKindAndAMissingSectionAreRefused() {
    YamlFileException e =
        assertThrows(
            YamlFileException.class,
            () ->
                OutcomesLoader.parse(
                    "indicators:\n  EDUCATION: {record: [TEACHER], read: [TEACHER]}\n",
                    "outcomes.yaml"));
    assertTrue(e.getMessage().contains("no roles for IDEOLOGY_ASSESSMENT"), e.getMessage());
    assertTrue(e.getMessage().contains("missing section 'reports'"), e.getMessage());
  }
}

package org.zhusan.vault.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.access.policy.Role;
import org.zhusan.vault.documents.content.DocumentType;

class ScheduleLoaderTest {
  private static final Path REPO =
      Path.of(System.getProperty("vault.repo.root", ".")).toAbsolutePath();

  @Test
  void theBuiltInScheduleIsACopyOfConfigRetentionYaml() throws Exception {
    assertArrayEquals(
        Files.readAllBytes(REPO.resolve("config/retention.yaml")),
        Files.readAllBytes(REPO.resolve("src/main/resources/retention.yaml")),
        "cp config/retention.yaml src/main/resources/retention.yaml");
  }

  @Test
  void theDefaultScheduleHasARuleForEveryTypeAndTheDefaultRoles() {
    RetentionSchedule s = ScheduleLoader.defaults();
    for (DocumentType t : DocumentType.values()) {
      assertEquals(t, s.rule(t).documentType());
    }
    assertEquals(Set.of(Role.LAWYER), s.holdRoles());
    assertEquals(Set.of(Role.ADMIN), s.proposeRoles());
    assertEquals(Set.of(Role.LAWYER), s.approveRoles());
    RetentionRule court = s.rule(DocumentType.COURT);
    assertEquals(RetentionEvent.CASE_CLOSED, court.event());
    assertEquals(Period.ofYears(25), court.period());
    assertEquals(LocalDate.of(2051, 3, 1), court.dueOn(LocalDate.of(2026, 3, 1)));
  }

  @Test
  void theTestScheduleLoads() {
    RetentionSchedule s = ScheduleLoader.load(REPO.resolve("src/test/resources/retention-it.yaml"));
    assertEquals(Period.ZERO, s.rule(DocumentType.CORRESPONDENCE).period());
  }

  @Test
  void everyProblemNamesItsLine() {
    String yaml =
        """
        version: 1
        roles:
          place-holds: [LAWYER, AUDITOR]
          propose-disposition: [ADMIN]
          approve-disposition: [JUDGE]
        schedule:
          IDENTITY: {starts: PROGRAMME_CLOSED, keep: P10, then: REVIEW}
          COURT: {starts: CASE_OPENED, keep: P25Y, then: DESTROY}
          PASSPORT: {starts: DOCUMENT_CREATED, keep: P1Y, then: DESTROY}
        """;
    ScheduleException e =
        assertThrows(ScheduleException.class, () -> ScheduleLoader.parse(yaml, "retention.yaml"));
    String m = e.getMessage();
    assertTrue(m.contains("retention.yaml line 3: roles.place-holds: AUDITOR"), m);
    assertTrue(m.contains("line 5: unknown role 'JUDGE'"), m);
    assertTrue(m.contains("line 7: schedule.IDENTITY.keep: 'P10' is not an ISO-8601 period"), m);
    assertTrue(m.contains("line 8: unknown event 'CASE_OPENED'"), m);
    assertTrue(m.contains("line 9: unknown document type 'PASSPORT'"), m);
    assertTrue(m.contains("no rule for document type MEDICAL"), m);
  }

  @Test
  void aMissingSectionAndANegativePeriodAreRefused() {
    ScheduleException e =
        assertThrows(
            ScheduleException.class,
            () ->
                ScheduleLoader.parse(
                    "version: 1\nschedule:\n  IDENTITY: {starts: DOCUMENT_CREATED, keep: P-1Y,"
                        + " then: REVIEW}\n",
                    "r.yaml"),
            "");
    assertTrue(e.getMessage().contains("missing section 'roles'"), e.getMessage());
    assertTrue(e.getMessage().contains("is negative"), e.getMessage());
  }
}

package org.zhusan.vault.subjects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.platform.problem.VaultException;

class DateOfBirthTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

  @Test
  void realPastDateIsKeptAsSent() {
    assertEquals("2024-02-29", DateOfBirth.check("2024-02-29", TODAY));
    assertNull(DateOfBirth.check(null, TODAY));
  }

  @Test
  void impossibleDateIsRefusedNamingTheField() {
    for (String bad :
        new String[] {
          "2024-02-30", "2023-02-29", "2024-13-01", "2024-1-5", "12.04.1990", "", "1990-04-12T00:00"
        }) {
      VaultException e =
          assertThrows(VaultException.class, () -> DateOfBirth.check(bad, TODAY), bad);
      assertEquals(400, e.problem().status());
      assertEquals("urn:zhusan:problem:invalid-date-of-birth", e.problem().type());
    }
  }

  @Test
  void dateInTheFutureIsRefused() {
    assertThrows(VaultException.class, () -> DateOfBirth.check("2026-12-03", TODAY));
  }
}

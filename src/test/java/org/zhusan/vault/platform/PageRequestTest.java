package org.zhusan.vault.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.rest.Page;
import org.zhusan.vault.platform.rest.PageRequest;

class PageRequestTest {
  @Test
  void absentParametersTakeDefaults() {
    assertEquals(new PageRequest(0, Page.DEFAULT_LIMIT), PageRequest.of(null, null));
  }

  @Test
  void outOfRangeOrNonNumericIsBadRequest() {
    for (String[] bad :
        new String[][] {{"-1", "10"}, {"0", "0"}, {"0", "501"}, {"x", "1"}, {"0", "1e3"}}) {
      VaultException e = assertThrows(VaultException.class, () -> PageRequest.of(bad[0], bad[1]));
      assertEquals(400, e.problem().status());
    }
  }
}

package org.zhusan.vault.reports.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedTableTest {

  private static PublishedTable table() {
    PublishedCell primary = new PublishedCell(null, CellStatus.PRIMARY);
    PublishedCell complementary = new PublishedCell(null, CellStatus.COMPLEMENTARY);
    return new PublishedTable(
        SexFilter.ALL,
        Grouping.COHORT,
        List.of("YES", "NO", "OTHER"),
        List.of(
            new PublishedRow(
                "2019",
                List.of(PublishedCell.published(12), primary, complementary),
                PublishedCell.published(27)),
            new PublishedRow(
                "2020",
                List.of(
                    PublishedCell.published(0),
                    PublishedCell.published(5),
                    PublishedCell.published(8)),
                PublishedCell.published(13))),
        List.of(PublishedCell.published(12), complementary, complementary),
        PublishedCell.published(40),
        1,
        3);
  }

  @Test
  void roundingToFiveRoundsPublishedValuesHalfUpAndLeavesSuppressionsAlone() {
    PublishedTable rounded = table().rounded(5);

    assertEquals(10L, rounded.cell("2019", "YES").value());
    assertNull(rounded.cell("2019", "NO").value());
    assertEquals(CellStatus.PRIMARY, rounded.cell("2019", "NO").status());
    assertEquals(CellStatus.COMPLEMENTARY, rounded.cell("2019", "OTHER").status());
    assertEquals(25L, rounded.row("2019").total().value());
    assertEquals(0L, rounded.cell("2020", "YES").value());
    assertEquals(5L, rounded.cell("2020", "NO").value());
    assertEquals(10L, rounded.cell("2020", "OTHER").value());
    assertEquals(15L, rounded.row("2020").total().value());
    assertEquals(40L, rounded.total().value());
    assertEquals(1, rounded.primaryCount());
    assertEquals(3, rounded.complementaryCount());
  }

  @Test
  void roundingToOneChangesNothing() {
    assertEquals(table(), table().rounded(1));
    assertThrows(IllegalArgumentException.class, () -> table().rounded(0));
  }

  @Test
  void aCellHasAValueExactlyWhenItIsPublished() {
    assertThrows(IllegalArgumentException.class, () -> new PublishedCell(3L, CellStatus.PRIMARY));
    assertThrows(
        IllegalArgumentException.class, () -> new PublishedCell(null, CellStatus.PUBLISHED));
  }
}

package org.zhusan.vault.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCsvTest {
  private static ReportViews.Cell v(long n) {
    return new ReportViews.Cell(n, null);
  }

  private static final ReportViews.Cell X = new ReportViews.Cell(null, "PRIMARY");
  private static final ReportViews.Cell XC = new ReportViews.Cell(null, "COMPLEMENTARY");

  @Test
  void suppressedCellsReadXAndXcAndTheNoteSaysWhy() {
    ReportViews.Table t =
        new ReportViews.Table(
            "indicators",
            "IDEOLOGY_ASSESSMENT",
            "2025-12-31",
            null,
            null,
            null,
            "REGION",
            "F",
            5,
            1,
            List.of("YES", "NO"),
            List.of(
                new ReportViews.Row("Almaty, city", List.of(v(12), X), v(15)),
                new ReportViews.Row("=cmd", List.of(v(9), XC), v(16))),
            List.of(v(21), v(10)),
            v(31),
            new ReportViews.Suppressed(1, 1));
    String csv = ReportCsv.of(t);
    List<String> lines = csv.lines().toList();
    assertEquals("REGION,YES,NO,TOTAL", lines.get(0));
    assertEquals("\"Almaty, city\",12,x,15", lines.get(1));
    assertEquals("'=cmd,9,xc,16", lines.get(2));
    assertEquals("TOTAL,21,10,31", lines.get(3));
    assertTrue(lines.get(4).startsWith("# x: fewer than 5 people"), lines.get(4));
    assertTrue(lines.get(4).endsWith("Suppressed: 1 x, 1 xc."), lines.get(4));
    assertEquals(
        "report-indicators-IDEOLOGY_ASSESSMENT-2025-12-31-REGION-F.csv", ReportCsv.fileName(t));
  }
}

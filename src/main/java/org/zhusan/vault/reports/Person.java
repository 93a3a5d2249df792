package org.zhusan.vault.reports;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.zhusan.vault.reports.table.Grouping;

/**
 * One person as a report counts them at a date: the categories of every grouping. Held in memory
 * only while a report is computed; the id joins the person's indicators and never leaves.
 */
record Person(UUID id, Map<Grouping, String> dims) {
  Person {
    dims = new EnumMap<>(dims);
  }

  String dim(Grouping g) {
    return dims.get(g);
  }
}

package org.zhusan.vault.reports.table;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One person as counted at the report date: their category in every grouping and their column
 * category in the report at hand. Counting works on these only, never on records, so the package
 * needs no database and the same units can feed every report of a date.
 *
 * @param dims a non-null category for every {@link Grouping} ({@code "UNKNOWN"} when missing); the
 *     SEX category is {@code "F"} or {@code "M"}
 * @param column the column category; must be one of the report's columns
 */
public record Unit(Map<Grouping, String> dims, String column) {

  /** Checks that every grouping has a category and copies the map. */
  public Unit {
    Objects.requireNonNull(dims, "dims is required.");
    Objects.requireNonNull(column, "column is required.");
    EnumMap<Grouping, String> copy = new EnumMap<>(Grouping.class);
    for (Grouping grouping : Grouping.values()) {
      String category = dims.get(grouping);
      if (category == null) {
        throw new IllegalArgumentException("unit has no category for " + grouping + ".");
      }
      copy.put(grouping, category);
    }
    dims = Map.copyOf(copy);
  }

  /** This person's category in {@code grouping}. */
  public String dim(Grouping grouping) {
    return dims.get(grouping);
  }
}

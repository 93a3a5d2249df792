package org.zhusan.vault.reports.table;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The margins of a population at a date: the people per (view, grouping, row) and the people per
 * view, suppressed once as one family.
 *
 * <p>They depend only on the units' groupings, not on any report's columns, so every report on the
 * same population at the same date takes them from here as fixed: a row total is then published or
 * suppressed identically in every report, and a reader who sets two reports side by side finds the
 * same row totals, not a published total in one that un-suppresses the other.
 *
 * <p>The relations are those among margins only: the grand total is the sum of the rows of every
 * grouping; a region is the sum of its centres; the ALL view is the sum of the F and M views; in
 * the ALL view the SEX row F is the whole F view (and M).
 *
 * <p>Immutable.
 */
public final class Margins {

  private final int threshold;
  private final Map<SexFilter, Map<Grouping, long[]>> rowValues;
  private final Map<SexFilter, Map<Grouping, CellStatus[]>> rowStatuses;
  private final Map<SexFilter, Long> totals;
  private final Map<SexFilter, CellStatus> totalStatuses;
  private final Layout layout;

  private Margins(
      int threshold,
      Layout layout,
      Map<SexFilter, Map<Grouping, long[]>> rowValues,
      Map<SexFilter, Map<Grouping, CellStatus[]>> rowStatuses,
      Map<SexFilter, Long> totals,
      Map<SexFilter, CellStatus> totalStatuses) {
    this.threshold = threshold;
    this.layout = layout;
    this.rowValues = rowValues;
    this.rowStatuses = rowStatuses;
    this.totals = totals;
    this.totalStatuses = totalStatuses;
  }

  /**
   * Counts and suppresses the margins of {@code units}.
   *
   * @param threshold the smallest published count (5 by default), at least 1
   * @throws IllegalArgumentException if a unit's category is not listed in {@code layout}
   */
  public static Margins of(List<Unit> units, Layout layout, int threshold) {
    Objects.requireNonNull(units, "units is required.");
    Objects.requireNonNull(layout, "layout is required.");
    layout.check(units);
    Map<SexFilter, Map<Grouping, long[]>> counts = count(units, layout);

    Suppressor suppressor = new Suppressor();
    Map<SexFilter, Map<Grouping, int[]>> rowIds = new EnumMap<>(SexFilter.class);
    Map<SexFilter, Integer> totalIds = new EnumMap<>(SexFilter.class);
    for (SexFilter view : SexFilter.values()) {
      long total = units.stream().filter(u -> view.counts(u.dim(Grouping.SEX))).count();
      totalIds.put(view, suppressor.cell("N[" + view + "]", total));
      Map<Grouping, int[]> ids = new EnumMap<>(Grouping.class);
      for (Grouping grouping : Grouping.values()) {
        if (!view.offers(grouping)) {
          continue;
        }
        List<String> rows = layout.rowsOf(grouping);
        int[] cells = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
          cells[r] =
              suppressor.cell(
                  "R[" + view + "][" + grouping + "][" + rows.get(r) + "]",
                  counts.get(view).get(grouping)[r]);
        }
        ids.put(grouping, cells);
        suppressor.relation(totalIds.get(view), cells);
      }
      rowIds.put(view, ids);
      nestRegions(suppressor, layout, ids.get(Grouping.REGION), ids.get(Grouping.CENTRE));
    }
    nestViews(suppressor, rowIds, totalIds, layout);
    suppressor.suppress(threshold);

    Map<SexFilter, Map<Grouping, CellStatus[]>> statuses = new EnumMap<>(SexFilter.class);
    Map<SexFilter, Long> totals = new EnumMap<>(SexFilter.class);
    Map<SexFilter, CellStatus> totalStatuses = new EnumMap<>(SexFilter.class);
    for (SexFilter view : SexFilter.values()) {
      Map<Grouping, CellStatus[]> byGrouping = new EnumMap<>(Grouping.class);
      rowIds
          .get(view)
          .forEach(
              (grouping, ids) -> {
                CellStatus[] status = new CellStatus[ids.length];
                for (int r = 0; r < ids.length; r++) {
                  status[r] = suppressor.status(ids[r]);
                }
                byGrouping.put(grouping, status);
              });
      statuses.put(view, byGrouping);
      totals.put(view, suppressor.value(totalIds.get(view)));
      totalStatuses.put(view, suppressor.status(totalIds.get(view)));
    }
    return new Margins(threshold, layout, counts, statuses, totals, totalStatuses);
  }

  /** People per row of every offered grouping, per view, in layout order. */
  static Map<SexFilter, Map<Grouping, long[]>> count(List<Unit> units, Layout layout) {
    Map<SexFilter, Map<Grouping, long[]>> counts = new EnumMap<>(SexFilter.class);
    for (SexFilter view : SexFilter.values()) {
      Map<Grouping, long[]> byGrouping = new EnumMap<>(Grouping.class);
      for (Grouping grouping : Grouping.values()) {
        if (view.offers(grouping)) {
          List<String> rows = layout.rowsOf(grouping);
          long[] values = new long[rows.size()];
          for (Unit unit : units) {
            if (view.counts(unit.dim(Grouping.SEX))) {
              values[rows.indexOf(unit.dim(grouping))]++;
            }
          }
          byGrouping.put(grouping, values);
        }
      }
      counts.put(view, byGrouping);
    }
    return counts;
  }

  /** Region x = Σ its centres, for cells indexed like the layout's REGION and CENTRE rows. */
  static void nestRegions(Suppressor suppressor, Layout layout, int[] regions, int[] centres) {
    if (regions == null || centres == null) {
      return;
    }
    List<String> regionRows = layout.rowsOf(Grouping.REGION);
    List<String> centreRows = layout.rowsOf(Grouping.CENTRE);
    for (int x = 0; x < regionRows.size(); x++) {
      List<Integer> parts = new ArrayList<>();
      for (String centre : layout.centresOf(regionRows.get(x))) {
        parts.add(centres[centreRows.indexOf(centre)]);
      }
      if (!parts.isEmpty()) {
        suppressor.relation(regions[x], parts.stream().mapToInt(Integer::intValue).toArray());
      }
    }
  }

  private static void nestViews(
      Suppressor suppressor,
      Map<SexFilter, Map<Grouping, int[]>> rowIds,
      Map<SexFilter, Integer> totalIds,
      Layout layout) {
    suppressor.relation(
        totalIds.get(SexFilter.ALL), totalIds.get(SexFilter.F), totalIds.get(SexFilter.M));
    rowIds
        .get(SexFilter.ALL)
        .forEach(
            (grouping, all) -> {
              if (grouping == Grouping.SEX) {
                List<String> sexes = layout.rowsOf(Grouping.SEX);
                for (int r = 0; r < all.length; r++) {
                  suppressor.relation(all[r], totalIds.get(SexFilter.valueOf(sexes.get(r))));
                }
                return;
              }
              int[] f = rowIds.get(SexFilter.F).get(grouping);
              int[] m = rowIds.get(SexFilter.M).get(grouping);
              for (int r = 0; r < all.length; r++) {
                suppressor.relation(all[r], f[r], m[r]);
              }
            });
  }

  /** The threshold these margins were suppressed with. */
  public int threshold() {
    return threshold;
  }

  /** The layout these margins were counted in. */
  public Layout layout() {
    return layout;
  }

  /** The people of {@code view} in row {@code category} of {@code grouping}. */
  public long rowTotal(SexFilter view, Grouping grouping, String category) {
    return rowValues(view, grouping)[index(grouping, category)];
  }

  /** Whether that row total is published. */
  public CellStatus rowStatus(SexFilter view, Grouping grouping, String category) {
    rowValues(view, grouping);
    return rowStatuses.get(view).get(grouping)[index(grouping, category)];
  }

  /** The people of {@code view}. */
  public long total(SexFilter view) {
    return totals.get(view);
  }

  /** Whether the people of {@code view} are published. */
  public CellStatus totalStatus(SexFilter view) {
    return totalStatuses.get(view);
  }

  long[] rowValues(SexFilter view, Grouping grouping) {
    long[] values = rowValues.get(view).get(grouping);
    if (values == null) {
      throw new IllegalArgumentException(view + " has no " + grouping + " rows.");
    }
    return values;
  }

  CellStatus[] rowStatuses(SexFilter view, Grouping grouping) {
    rowValues(view, grouping);
    return rowStatuses.get(view).get(grouping);
  }

  private int index(Grouping grouping, String category) {
    int index = layout.rowsOf(grouping).indexOf(category);
    if (index < 0) {
      throw new IllegalArgumentException(grouping + " has no row " + category + ".");
    }
    return index;
  }
}

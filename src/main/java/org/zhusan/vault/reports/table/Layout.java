package org.zhusan.vault.reports.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The categories listed for each grouping, in display order, and the region of each centre. Every
 * listed category is shown, with zeros, so that the tables of one report at different groupings all
 * add up to the same population and a reader cannot learn that a category is empty by its absence.
 * The region of each centre is what makes the centre and region tables nest.
 *
 * @param rows for every {@link Grouping}, its categories without repeats; SEX lists exactly {@code
 *     F} and {@code M}
 * @param regionOfCentre for every listed centre, a listed region
 */
public record Layout(Map<Grouping, List<String>> rows, Map<String, String> regionOfCentre) {

  /** Validates the lists and copies them. */
  public Layout {
    Objects.requireNonNull(rows, "rows is required.");
    Objects.requireNonNull(regionOfCentre, "regionOfCentre is required.");
    Map<Grouping, List<String>> copy = new LinkedHashMap<>();
    for (Grouping grouping : Grouping.values()) {
      List<String> categories = rows.get(grouping);
      if (categories == null) {
        throw new IllegalArgumentException("layout lists no categories for " + grouping + ".");
      }
      List<String> list = List.copyOf(categories);
      if (new HashSet<>(list).size() != list.size()) {
        throw new IllegalArgumentException("layout lists a category twice for " + grouping + ".");
      }
      copy.put(grouping, list);
    }
    if (!new HashSet<>(copy.get(Grouping.SEX)).equals(Set.of("F", "M"))) {
      throw new IllegalArgumentException("SEX must list exactly F and M.");
    }
    Set<String> regions = new HashSet<>(copy.get(Grouping.REGION));
    for (String centre : copy.get(Grouping.CENTRE)) {
      String region = regionOfCentre.get(centre);
      if (region == null || !regions.contains(region)) {
        throw new IllegalArgumentException("centre " + centre + " has no listed region.");
      }
    }
    rows = Map.copyOf(copy);
    regionOfCentre = Map.copyOf(regionOfCentre);
  }

  /** The categories of {@code grouping}, in display order. */
  public List<String> rowsOf(Grouping grouping) {
    return rows.get(grouping);
  }

  /** The listed centres of {@code region}, in display order. */
  List<String> centresOf(String region) {
    List<String> centres = new ArrayList<>();
    for (String centre : rowsOf(Grouping.CENTRE)) {
      if (regionOfCentre.get(centre).equals(region)) {
        centres.add(centre);
      }
    }
    return centres;
  }

  /**
   * Checks that every unit's categories are listed and its region is its centre's.
   *
   * @throws IllegalArgumentException naming the first unit that does not fit
   */
  void check(List<Unit> units) {
    Map<Grouping, Set<String>> listed = new LinkedHashMap<>();
    for (Grouping grouping : Grouping.values()) {
      listed.put(grouping, new HashSet<>(rowsOf(grouping)));
    }
    for (Unit unit : units) {
      for (Grouping grouping : Grouping.values()) {
        if (!listed.get(grouping).contains(unit.dim(grouping))) {
          throw new IllegalArgumentException(
              grouping + " category " + unit.dim(grouping) + " is not listed in the layout.");
        }
      }
      String region = regionOfCentre.get(unit.dim(Grouping.CENTRE));
      if (!region.equals(unit.dim(Grouping.REGION))) {
        throw new IllegalArgumentException(
            "unit of centre "
                + unit.dim(Grouping.CENTRE)
                + " is in region "
                + unit.dim(Grouping.REGION)
                + ", the layout says "
                + region
                + ".");
      }
    }
  }
}

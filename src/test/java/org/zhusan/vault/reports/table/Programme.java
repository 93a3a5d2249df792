package org.zhusan.vault.reports.table;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated programme: about 600 people in 17 centres, with sexes, age bands, arrival cohorts,
 * programme stages and an indicator (an ideology assessment), from a seeded {@link Random}. Centres
 * 16 and 17 share a region, so region and centre tables differ and nesting matters.
 */
final class Programme {

  static final List<String> STAGES =
      List.of("INTAKE", "REHABILITATION", "REINTEGRATION", "AFTERCARE", "CLOSED");
  static final List<String> INDICATOR = List.of("YES", "PARTLY", "NO", "NOT_RECORDED");
  static final List<String> AGE_BANDS = List.of("0-6", "7-13", "14-17", "18-34", "35+", "UNKNOWN");
  static final List<String> COHORTS =
      List.of("2019", "2020", "2021", "2022", "2023", "2024", "2025", "UNKNOWN");

  /** The cohort, and indicator value, of the deliberately small cell. */
  static final String SMALL_COHORT = "2019";

  static final String SMALL_VALUE = "NO";

  /** Centre C17 is small (about 4 people in 600), so some row totals are suppressed. */
  private static final int[] CENTRE_WEIGHTS = {
    10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 1
  };

  final Layout layout;
  final List<Unit> indicatorUnits;
  final List<Unit> stageUnits;

  private Programme(Layout layout, List<Unit> indicatorUnits, List<Unit> stageUnits) {
    this.layout = layout;
    this.indicatorUnits = indicatorUnits;
    this.stageUnits = stageUnits;
  }

  static Layout layout() {
    List<String> centres = new ArrayList<>();
    List<String> regions = new ArrayList<>();
    Map<String, String> regionOfCentre = new LinkedHashMap<>();
    for (int i = 1; i <= 17; i++) {
      String centre = String.format("C%02d", i);
      String region = String.format("R%02d", Math.min(i, 16));
      centres.add(centre);
      if (!regions.contains(region)) {
        regions.add(region);
      }
      regionOfCentre.put(centre, region);
    }
    Map<Grouping, List<String>> rows = new EnumMap<>(Grouping.class);
    rows.put(Grouping.CENTRE, centres);
    rows.put(Grouping.REGION, regions);
    rows.put(Grouping.STAGE, STAGES);
    rows.put(Grouping.SEX, List.of("F", "M"));
    rows.put(Grouping.AGE_BAND, AGE_BANDS);
    rows.put(Grouping.COHORT, COHORTS);
    return new Layout(rows, regionOfCentre);
  }

  /**
   * About {@code size} people; exactly 3 of cohort {@link #SMALL_COHORT} have indicator value
   * {@link #SMALL_VALUE}.
   */
  static Programme generate(long seed, int size) {
    Layout layout = layout();
    Random random = new Random(seed);
    List<Unit> indicator = new ArrayList<>();
    List<Unit> stage = new ArrayList<>();
    List<String> centres = layout.rowsOf(Grouping.CENTRE);
    for (int i = 0; i < size; i++) {
      boolean small = i < 3;
      String centre = pick(random, centres, CENTRE_WEIGHTS);
      Map<Grouping, String> dims = new EnumMap<>(Grouping.class);
      dims.put(Grouping.CENTRE, centre);
      dims.put(Grouping.REGION, layout.regionOfCentre().get(centre));
      dims.put(Grouping.STAGE, pick(random, STAGES, new int[] {20, 35, 25, 15, 5}));
      dims.put(Grouping.SEX, random.nextInt(100) < 62 ? "F" : "M");
      dims.put(Grouping.AGE_BAND, pick(random, AGE_BANDS, new int[] {15, 25, 12, 28, 17, 3}));
      String cohort =
          small ? SMALL_COHORT : pick(random, COHORTS, new int[] {10, 25, 15, 10, 15, 12, 8, 5});
      dims.put(Grouping.COHORT, cohort);
      String value;
      if (small) {
        value = SMALL_VALUE;
      } else {
        do {
          value = pick(random, INDICATOR, new int[] {45, 25, 15, 15});
        } while (cohort.equals(SMALL_COHORT) && value.equals(SMALL_VALUE));
      }
      indicator.add(new Unit(dims, value));
      stage.add(new Unit(dims, dims.get(Grouping.STAGE)));
    }
    return new Programme(layout, List.copyOf(indicator), List.copyOf(stage));
  }

  private static String pick(Random random, List<String> values, int[] weights) {
    int sum = 0;
    for (int w : weights) {
      sum += w;
    }
    int x = random.nextInt(sum);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return values.get(i);
      }
    }
    throw new AssertionError();
  }

  Margins margins() {
    return Margins.of(indicatorUnits, layout, 5);
  }

  /** The indicator report at every grouping. */
  ReportFamily indicatorReport(Margins margins) {
    return ReportFamily.of(
        indicatorUnits, layout, INDICATOR, List.of(Grouping.values()), null, margins, 5);
  }

  /** The stage report: its columns are the STAGE rows, so STAGE is not a grouping. */
  ReportFamily stageReport(Margins margins) {
    List<Grouping> groupings = new ArrayList<>(List.of(Grouping.values()));
    groupings.remove(Grouping.STAGE);
    return ReportFamily.of(stageUnits, layout, STAGES, groupings, Grouping.STAGE, margins, 5);
  }
}

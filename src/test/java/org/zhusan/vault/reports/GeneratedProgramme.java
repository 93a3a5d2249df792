package org.zhusan.vault.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.reports.table.Grouping;

/**
 * A programme of 600 people in the 17 centres, registered through the API with dated stage moves
 * and indicators, and the truth the test knows about each of them at {@link #DATE}. Every arrival
 * and every observation is before the date, and every other test registers people arriving after
 * it, so the reports at the date count exactly these people.
 *
 * <p>Seeded figures: 187 women who arrived 2019–2021, all assessed — 160 renounced violent ideology
 * (YES), 15 partly, 12 not; exactly 3 girls who arrived in 2023 in vocational education (a cell of
 * 3 in every grouping of the education report).
 */
public final class GeneratedProgramme {
  public static final LocalDate DATE = LocalDate.of(2025, 12, 31);
  static final int PEOPLE = 600;

  /** One person as the test knows them at {@link #DATE}. */
  public record Truth(String id, Map<Grouping, String> dims, Map<String, String> indicators) {}

  public final List<Truth> people = new ArrayList<>();
  final Map<String, String> regionOfCentre = new LinkedHashMap<>();

  private final String registrar;
  private final String teacher;

  private GeneratedProgramme(List<String> centres) {
    this.registrar =
        Tokens.token("outcomes-psychologist", "PSYCHOLOGIST", centres.toArray(String[]::new));
    this.teacher = Tokens.token("outcomes-teacher", "TEACHER", centres.toArray(String[]::new));
  }

  public static GeneratedProgramme register() throws Exception {
    JsonObject page =
        Http.json(
            Http.get("/api/centres?limit=100", Tokens.token("outcomes-any", "LAWYER", "AST-01")));
    Map<String, String> regions = new LinkedHashMap<>();
    page.getJsonArray("items")
        .forEach(
            v ->
                regions.put(
                    v.asJsonObject().getString("code"), v.asJsonObject().getString("region")));
    GeneratedProgramme p = new GeneratedProgramme(List.copyOf(regions.keySet()));
    p.regionOfCentre.putAll(regions);
    p.generate(new Random(20));
    return p;
  }

  /** A person to register: everything but the id. */
  private record Plan(
      String centre,
      String sex,
      LocalDate birth,
      LocalDate arrival,
      List<Object[]> moves,
      String indicatorKind,
      String indicatorValue,
      LocalDate observedOn) {}

  private void generate(Random random) throws Exception {
    List<String> centres = List.copyOf(regionOfCentre.keySet());
    List<Plan> plans = new ArrayList<>();
    List<String> assessments = new ArrayList<>();
    assessments.addAll(Collections.nCopies(160, "YES"));
    assessments.addAll(Collections.nCopies(15, "PARTLY"));
    assessments.addAll(Collections.nCopies(12, "NO"));
    Collections.shuffle(assessments, random);
    for (String assessment : assessments) {
      LocalDate arrival = day(random, LocalDate.of(2019, 1, 1), LocalDate.of(2021, 12, 31));
      plans.add(
          plan(
              random,
              centres,
              "F",
              day(random, LocalDate.of(1980, 1, 1), LocalDate.of(1999, 12, 31)),
              arrival,
              "IDEOLOGY_ASSESSMENT",
              assessment));
    }
    for (int i = 0; i < 3; i++) { // the cell of 3
      plans.add(
          plan(
              random,
              centres,
              "F",
              day(random, LocalDate.of(2008, 1, 1), LocalDate.of(2009, 6, 30)),
              day(random, LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)),
              "EDUCATION",
              "VOCATIONAL"));
    }
    while (plans.size() < PEOPLE) {
      LocalDate birth = day(random, LocalDate.of(2009, 1, 1), LocalDate.of(2022, 12, 31));
      LocalDate arrival = day(random, LocalDate.of(2019, 1, 1), LocalDate.of(2025, 6, 30));
      if (arrival.isBefore(birth)) {
        continue;
      }
      int age = Period.between(birth, LocalDate.of(2025, 9, 1)).getYears();
      String education = age < 3 ? "NONE" : age <= 5 ? "PRESCHOOL" : "SCHOOL";
      plans.add(
          plan(
              random,
              centres,
              random.nextBoolean() ? "F" : "M",
              birth,
              arrival,
              "EDUCATION",
              education));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Truth>> done = new ArrayList<>();
      for (Plan plan : plans) {
        done.add(pool.submit(() -> register(plan)));
      }
      for (Future<Truth> f : done) {
        people.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private Plan plan(
      Random random,
      List<String> centres,
      String sex,
      LocalDate birth,
      LocalDate arrival,
      String kind,
      String value) {
    List<Object[]> moves = new ArrayList<>();
    LocalDate rehabilitation = arrival.plusDays(35);
    if (!rehabilitation.isAfter(DATE)) {
      moves.add(new Object[] {"REHABILITATION", rehabilitation});
      LocalDate reintegration = arrival.plusMonths(12 + random.nextInt(12));
      if (!reintegration.isAfter(DATE) && random.nextInt(10) < 6) {
        moves.add(new Object[] {"REINTEGRATION", reintegration});
        LocalDate closed = reintegration.plusMonths(12 + random.nextInt(12));
        if (!closed.isAfter(DATE) && random.nextInt(10) < 4) {
          moves.add(new Object[] {"CLOSED", closed});
        }
      }
    }
    LocalDate observed = day(random, LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 30));
    return new Plan(
        centres.get(random.nextInt(centres.size())),
        sex,
        birth,
        arrival,
        moves,
        kind,
        value,
        observed);
  }

  private Truth register(Plan plan) throws Exception {
    HttpResponse<String> created =
        Http.postJson(
            "/api/subjects",
            registrar,
            Json.createObjectBuilder()
                .add("centre", plan.centre())
                .add("sex", plan.sex())
                .add("fullName", "Outcome Person " + plan.birth() + " " + plan.arrival())
                .add("dateOfBirth", plan.birth().toString())
                .add("arrivalDate", plan.arrival().toString())
                .build()
                .toString());
    assertEquals(201, created.statusCode(), created.body());
    String id = Http.json(created).getString("id");
    String stage = "ADAPTATION";
    for (Object[] move : plan.moves()) {
      HttpResponse<String> moved =
          Http.postJson(
              "/api/subjects/" + id + "/stage",
              registrar,
              Json.createObjectBuilder()
                  .add("stage", (String) move[0])
                  .add("effectiveOn", move[1].toString())
                  .build()
                  .toString());
      assertEquals(200, moved.statusCode(), moved.body());
      stage = (String) move[0];
    }
    String recorder = plan.indicatorKind().equals("EDUCATION") ? teacher : registrar;
    HttpResponse<String> recorded =
        Http.postJson(
            "/api/subjects/" + id + "/indicators",
            recorder,
            Json.createObjectBuilder()
                .add("kind", plan.indicatorKind())
                .add("value", plan.indicatorValue())
                .add("observedOn", plan.observedOn().toString())
                .build()
                .toString());
    assertEquals(201, recorded.statusCode(), recorded.body());
    Map<Grouping, String> dims = new EnumMap<>(Grouping.class);
    dims.put(Grouping.CENTRE, plan.centre());
    dims.put(Grouping.REGION, regionOfCentre.get(plan.centre()));
    dims.put(Grouping.SEX, plan.sex());
    dims.put(Grouping.STAGE, stage);
    dims.put(Grouping.AGE_BAND, ageBand(Period.between(plan.birth(), DATE).getYears()));
    dims.put(Grouping.COHORT, Integer.toString(plan.arrival().getYear()));
    return new Truth(id, dims, Map.of(plan.indicatorKind(), plan.indicatorValue()));
  }

  /** The bands docs/reports.md defines, written out again here rather than shared. */
  private static String ageBand(int age) {
    return age <= 5
        ? "0-5"
        : age <= 17 ? "6-17" : age <= 29 ? "18-29" : age <= 44 ? "30-44" : "45+";
  }

  private static LocalDate day(Random random, LocalDate from, LocalDate to) {
    return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
  }

  /**
   * How many people have {@code category} of {@code grouping} and, of the indicator, {@code
   * column}.
   */
  long count(String view, Grouping grouping, String category, String kind, String column) {
    return people.stream()
        .filter(p -> view == null || p.dims().get(Grouping.SEX).equals(view))
        .filter(p -> grouping == null || p.dims().get(grouping).equals(category))
        .filter(
            p ->
                column == null
                    || (kind == null
                        ? p.dims().get(Grouping.STAGE).equals(column)
                        : p.indicators().getOrDefault(kind, "NOT_RECORDED").equals(column)))
        .count();
  }
}

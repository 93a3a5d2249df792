package org.zhusan.vault.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.AuditLogs;
import org.zhusan.vault.it.Dumps;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.reports.table.Attacker;
import org.zhusan.vault.reports.table.CellStatus;
import org.zhusan.vault.reports.table.Grouping;
import org.zhusan.vault.reports.table.PublishedCell;
import org.zhusan.vault.reports.table.PublishedRow;
import org.zhusan.vault.reports.table.PublishedTable;
import org.zhusan.vault.reports.table.SexFilter;

/**
 * Programme outcomes against a real vault and a generated programme of 600 people in 17 centres
 * ({@link GeneratedProgramme}): the seeded figures come out exactly, every published count is the
 * true count, a cell of 3 is suppressed and no pair of the report's groupings (nor all of them
 * together) recovers any suppressed cell, an analyst sees reports and nothing else, every run is in
 * the access log, and no indicator value is in a database dump.
 */
class ProgrammeOutcomesIT {
  private static final String DATE = GeneratedProgramme.DATE.toString();
  private static final String ANALYST = Tokens.token("outcomes-analyst", "ANALYST");
  private static GeneratedProgramme programme;

  @BeforeAll
  static void registerTheProgramme() throws Exception {
    programme = GeneratedProgramme.register();
  }

  @Test
  void theSeededCohortReproducesItsKnownFigures() throws Exception {
    JsonObject women =
        report(
            "/api/reports/indicators?kind=IDEOLOGY_ASSESSMENT&groupBy=COHORT&sex=F&date=" + DATE);
    List<String> columns = strings(women, "columns");
    assertEquals(List.of("YES", "PARTLY", "NO", "NOT_RECORDED"), columns);
    JsonObject yes = women.getJsonArray("columnTotals").getJsonObject(0);
    assertEquals(160, yes.getInt("value"), women::toString);
    long assessed = 0;
    for (int c = 0; c < 3; c++) {
      assessed += women.getJsonArray("columnTotals").getJsonObject(c).getInt("value");
    }
    assertEquals(187, assessed, women::toString);
    // The 187 arrived in 2019–2021: no assessment in another cohort.
    for (JsonValue row : women.getJsonArray("rows")) {
      String cohort = row.asJsonObject().getString("category");
      if (!Set.of("2019", "2020", "2021").contains(cohort)) {
        for (int c = 0; c < 3; c++) {
          JsonObject cell = row.asJsonObject().getJsonArray("cells").getJsonObject(c);
          assertEquals(0, cell.getInt("value", 0), cohort + " " + cell);
        }
      }
    }
  }

  @Test
  void everyPublishedCountIsTheTrueCountAndEveryPrimaryOneIsBelowTheThreshold() throws Exception {
    for (String kind : List.of("IDEOLOGY_ASSESSMENT", "EDUCATION", "STAGES")) {
      for (PublishedTable t : family(kind)) {
        String k = kind.equals("STAGES") ? null : kind;
        String view = t.view() == SexFilter.ALL ? null : t.view().name();
        for (PublishedRow row : t.rows()) {
          for (int c = 0; c < t.columns().size(); c++) {
            check(
                row.cells().get(c),
                programme.count(view, t.grouping(), row.category(), k, t.columns().get(c)),
                t + " " + row.category() + " " + t.columns().get(c));
          }
          check(row.total(), programme.count(view, t.grouping(), row.category(), k, null), "row");
        }
        for (int c = 0; c < t.columns().size(); c++) {
          check(
              t.columnTotals().get(c),
              programme.count(view, null, null, k, t.columns().get(c)),
              "column " + t.columns().get(c));
        }
        check(t.total(), programme.count(view, null, null, k, null), "total");
      }
    }
  }

  private static void check(PublishedCell cell, long truth, String where) {
    switch (cell.status()) {
      case PUBLISHED -> assertEquals(truth, cell.value(), where);
      case PRIMARY -> assertTrue(truth > 0 && truth < 5, where + " is " + truth);
      case COMPLEMENTARY -> {}
    }
  }

  @Test
  void aCellOfThreeIsSuppressedAndNoPairOfGroupingsRecoversIt() throws Exception {
    List<PublishedTable> education = family("EDUCATION");
    PublishedTable byCohort =
        education.stream()
            .filter(t -> t.view() == SexFilter.ALL && t.grouping() == Grouping.COHORT)
            .findFirst()
            .orElseThrow();
    assertEquals(3, programme.count(null, Grouping.COHORT, "2023", "EDUCATION", "VOCATIONAL"));
    assertEquals(CellStatus.PRIMARY, byCohort.cell("2023", "VOCATIONAL").status());
    assertTrue(byCohort.complementaryCount() > 0, byCohort::toString);
    for (List<PublishedTable> tables :
        List.of(education, family("IDEOLOGY_ASSESSMENT"), family("STAGES"))) {
      for (int i = 0; i < tables.size(); i++) {
        for (int j = i + 1; j < tables.size(); j++) {
          List<Attacker.Disclosure> found =
              Attacker.attack(List.of(tables.get(i), tables.get(j)), programme.regionOfCentre);
          assertEquals(
              List.of(), found, tables.get(i).grouping() + " with " + tables.get(j).grouping());
        }
      }
      assertEquals(List.of(), Attacker.attack(tables, programme.regionOfCentre));
    }
  }

  @Test
  void anAnalystSeesReportsAndCsvAndEveryRunIsInTheLog() throws Exception {
    JsonObject catalogue = Http.json(Http.get("/api/reports", ANALYST));
    assertTrue(catalogue.getBoolean("national"));
    assertEquals(5, catalogue.getInt("threshold"));
    HttpResponse<String> csv =
        Http.get("/api/reports/stages?groupBy=REGION&format=csv&date=" + DATE, ANALYST);
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(
        csv.body().startsWith("REGION,ADAPTATION,REHABILITATION,REINTEGRATION,CLOSED,TOTAL"));
    JsonObject trend = report("/api/reports/stage-trend?from=2025-01&to=2025-12&centre=AST-01");
    assertEquals(12, trend.getJsonArray("rows").size());
    String log = AuditLogs.export();
    assertTrue(
        log.contains("\"stages:" + DATE + ":REGION:ALL\""), "the stage report run is logged");
    assertTrue(log.contains("stage-trend:2025-01:2025-12:AST-01"), "the trend run is logged");
    assertTrue(log.contains("\"REPORT_RUN\""), "runs are REPORT_RUN entries");
  }

  @Test
  void aCentreRoleSeesOnlyItsCentresAndAnAuditorNoReports() throws Exception {
    String lawyer = Tokens.token("outcomes-lawyer", "LAWYER", "AST-01");
    JsonObject own = report(lawyer, "/api/reports/stages?groupBy=CENTRE&date=" + DATE);
    List<String> rows = new ArrayList<>();
    own.getJsonArray("rows").forEach(r -> rows.add(r.asJsonObject().getString("category")));
    assertEquals(List.of("AST-01"), rows);
    Http.problem(Http.get("/api/reports/stage-trend?centre=ALA-01", lawyer), 403);
    JsonObject none =
        report(Tokens.token("outcomes-nowhere", "LAWYER"), "/api/reports/stages?date=" + DATE);
    assertEquals(0, none.getJsonArray("rows").size(), none::toString);
    assertEquals(0, none.getJsonObject("total").getInt("value"));
    Http.problem(Http.get("/api/reports/stages", Tokens.token("outcomes-auditor", "AUDITOR")), 403);
    Http.problem(Http.get("/api/reports/stages?groupBy=NAME", ANALYST), 400);
    Http.problem(Http.get("/api/reports/indicators?kind=MOOD", ANALYST), 400);
    Http.problem(Http.get("/api/reports/stages?date=2999-01-01", ANALYST), 400);
    Http.problem(Http.get("/api/reports/stage-trend?from=2020-01&to=2025-12", ANALYST), 400);
  }

  @Test
  void anAnalystGetsNothingOfAPersonADocumentOrTheLog() throws Exception {
    GeneratedProgramme.Truth someone = programme.people.get(0);
    String person = someone.id();
    String centre = someone.dims().get(Grouping.CENTRE);
    String analystAtCentre = Tokens.token("outcomes-analyst-c", "ANALYST", centre);
    JsonObject openapi =
        Http.json(
            Http.send(
                Http.request("/openapi", null).header("Accept", "application/json").GET().build()));
    Set<String> open =
        Set.of(
            "/api/reports",
            "/api/reports/stages",
            "/api/reports/indicators",
            "/api/reports/stage-trend",
            "/api/indicators",
            "/api/me",
            "/api/centres",
            "/api/disclosure/statutory-grounds",
            // Configuration, the same for every member of staff: no person, no document.
            "/api/records/schedule",
            "/api/ui/config");
    int checked = 0;
    List<String> answered = new ArrayList<>();
    for (String path : openapi.getJsonObject("paths").keySet()) {
      if (open.contains(path)
          || !openapi.getJsonObject("paths").getJsonObject(path).containsKey("get")) {
        continue;
      }
      String concrete =
          path.replaceAll("\\{subjectId\\}|\\{id\\}", person).replaceAll("\\{[A-Za-z]+\\}", person)
              + (path.equals("/api/subjects") ? "?centre=" + centre : "");
      for (String token : List.of(ANALYST, analystAtCentre)) {
        HttpResponse<String> r = Http.get(concrete, token);
        if (r.statusCode() != 403 && r.statusCode() != 404) {
          answered.add(concrete + " gave an analyst " + r.statusCode() + ": " + r.body());
        }
        checked++;
      }
    }
    assertEquals(List.of(), answered);
    assertTrue(checked > 40, "checked " + checked + " GET endpoints");
    for (String[] post :
        new String[][] {
          {"/api/subjects", "{\"centre\":\"" + centre + "\",\"sex\":\"F\",\"fullName\":\"X Y\"}"},
          {
            "/api/subjects/" + person + "/indicators",
            "{\"kind\":\"EDUCATION\",\"value\":\"SCHOOL\"}"
          },
          {"/api/subjects/lookup", "{\"fullName\":\"Outcome Person\"}"},
          {"/api/search", "{\"q\":\"ruling\"}"}
        }) {
      HttpResponse<String> r = Http.postJson(post[0], analystAtCentre, post[1]);
      assertTrue(
          r.statusCode() == 403 || r.statusCode() == 404,
          post[0] + ": " + r.statusCode() + r.body());
    }
  }

  @Test
  void indicatorHistoryIsKeptAndOnlyItsRolesRecordOrReadIt() throws Exception {
    GeneratedProgramme.Truth woman =
        programme.people.stream()
            .filter(p -> p.indicators().containsKey("IDEOLOGY_ASSESSMENT"))
            .findFirst()
            .orElseThrow();
    String centre = woman.dims().get(Grouping.CENTRE);
    String psychologist = Tokens.token("outcomes-psy-2", "PSYCHOLOGIST", centre);
    String path = "/api/subjects/" + woman.id() + "/indicators";
    JsonObject before = Http.json(Http.get(path, psychologist));
    JsonObject first = before.getJsonArray("items").getJsonObject(0);
    HttpResponse<String> corrected =
        Http.postJson(
            path,
            psychologist,
            Json.createObjectBuilder()
                .add("kind", "IDEOLOGY_ASSESSMENT")
                .add("value", first.getString("value"))
                .add("observedOn", first.getString("observedOn"))
                .add("corrects", first.getString("id"))
                .build()
                .toString());
    assertEquals(201, corrected.statusCode(), corrected.body());
    JsonObject after = Http.json(Http.get(path, psychologist));
    assertEquals(before.getJsonArray("items").size() + 1, after.getJsonArray("items").size());
    assertTrue(
        after.toString().contains("\"correctedBy\":\"" + Http.json(corrected).getString("id")));
    assertEquals(
        "urn:zhusan:problem:already-corrected",
        Http.problem(
                Http.postJson(
                    path,
                    psychologist,
                    "{\"kind\":\"IDEOLOGY_ASSESSMENT\",\"value\":\"NO\",\"corrects\":\""
                        + first.getString("id")
                        + "\"}"),
                409)
            .getString("type"));
    String lawyer = Tokens.token("outcomes-lawyer-2", "LAWYER", centre);
    Http.problem(
        Http.postJson(path, lawyer, "{\"kind\":\"IDEOLOGY_ASSESSMENT\",\"value\":\"YES\"}"), 403);
    // A lawyer reads the legal case, not the assessment.
    assertFalse(Http.get(path, lawyer).body().contains("IDEOLOGY_ASSESSMENT"));
    assertEquals(
        "urn:zhusan:problem:invalid-indicator",
        Http.problem(
                Http.postJson(
                    path, psychologist, "{\"kind\":\"IDEOLOGY_ASSESSMENT\",\"value\":\"MAYBE\"}"),
                400)
            .getString("type"));
    Http.problem(
        Http.postJson(
            path,
            psychologist,
            "{\"kind\":\"IDEOLOGY_ASSESSMENT\",\"value\":\"YES\",\"observedOn\":\"2999-01-01\"}"),
        400);
    Http.problem(
        Http.postJson(
            path,
            Tokens.token("outcomes-psy-elsewhere", "PSYCHOLOGIST", "ZZZ-99"),
            "{\"kind\":\"IDEOLOGY_ASSESSMENT\",\"value\":\"YES\"}"),
        404);
  }

  @Test
  void noIndicatorValueIsInADatabaseDump() throws Exception {
    String dump = Dumps.pgDump();
    assertTrue(dump.contains("IDEOLOGY_ASSESSMENT"), "the dump holds the observations");
    for (String value : List.of("PARTLY", "VOCATIONAL", "PRESCHOOL")) {
      assertFalse(dump.contains(value), value + " is in the dump");
    }
  }

  // ---- helpers

  private static JsonObject report(String path) throws Exception {
    return report(ANALYST, path);
  }

  private static JsonObject report(String token, String path) throws Exception {
    HttpResponse<String> r = Http.get(path, token);
    assertEquals(200, r.statusCode(), r.body());
    return Http.json(r);
  }

  /** Every table of a report at the date: each grouping, for everyone and for each sex. */
  private static List<PublishedTable> family(String kind) throws Exception {
    List<PublishedTable> out = new ArrayList<>();
    for (SexFilter view : SexFilter.values()) {
      for (Grouping g : Grouping.values()) {
        if ((g == Grouping.SEX && view != SexFilter.ALL)
            || (g == Grouping.STAGE && kind.equals("STAGES"))) {
          continue;
        }
        String path =
            (kind.equals("STAGES")
                    ? "/api/reports/stages?"
                    : "/api/reports/indicators?kind=" + kind + "&")
                + "date="
                + DATE
                + "&groupBy="
                + g
                + (view == SexFilter.ALL ? "" : "&sex=" + view);
        out.add(table(report(path), view, g));
      }
    }
    return out;
  }

  private static PublishedTable table(JsonObject json, SexFilter view, Grouping grouping) {
    List<PublishedRow> rows = new ArrayList<>();
    for (JsonValue r : json.getJsonArray("rows")) {
      JsonObject row = r.asJsonObject();
      rows.add(
          new PublishedRow(
              row.getString("category"),
              cells(row.getJsonArray("cells")),
              cell(row.getJsonObject("total"))));
    }
    return new PublishedTable(
        view,
        grouping,
        strings(json, "columns"),
        rows,
        cells(json.getJsonArray("columnTotals")),
        cell(json.getJsonObject("total")),
        json.getJsonObject("suppressed").getInt("primary"),
        json.getJsonObject("suppressed").getInt("complementary"));
  }

  private static List<PublishedCell> cells(jakarta.json.JsonArray a) {
    return a.stream().map(v -> cell(v.asJsonObject())).toList();
  }

  private static PublishedCell cell(JsonObject c) {
    return c.containsKey("value")
        ? new PublishedCell((long) c.getInt("value"), CellStatus.PUBLISHED)
        : new PublishedCell(null, CellStatus.valueOf(c.getString("suppressed")));
  }

  private static List<String> strings(JsonObject o, String key) {
    return o.getJsonArray(key).getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }
}

package org.zhusan.vault.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.zhusan.vault.access.Action;
import org.zhusan.vault.access.AuditedService;
import org.zhusan.vault.access.Gatekeeper;
import org.zhusan.vault.access.policy.PolicyDecision;
import org.zhusan.vault.access.policy.StaffUser;
import org.zhusan.vault.audit.Target;
import org.zhusan.vault.centres.Centre;
import org.zhusan.vault.centres.CentreRepository;
import org.zhusan.vault.outcomes.IndicatorKind;
import org.zhusan.vault.outcomes.ObservationQueries;
import org.zhusan.vault.outcomes.OutcomesPolicy;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.reports.table.CellStatus;
import org.zhusan.vault.reports.table.Grouping;
import org.zhusan.vault.reports.table.Margins;
import org.zhusan.vault.reports.table.PublishedCell;
import org.zhusan.vault.reports.table.PublishedRow;
import org.zhusan.vault.reports.table.PublishedTable;
import org.zhusan.vault.reports.table.ReportFamily;
import org.zhusan.vault.reports.table.SexFilter;
import org.zhusan.vault.reports.table.Unit;
import org.zhusan.vault.subjects.ProgrammeStage;

/**
 * The predefined reports. Each run is decided with the outcomes file and recorded in the access log
 * with its parameters (never a person); the figures are computed in memory from the records at the
 * date, for the caller's scope, and every table of a report is suppressed as one family (all
 * groupings, all sex filters) so that no grouping or filter the report offers recovers a suppressed
 * cell from another.
 */
@ApplicationScoped
@AuditedService
public class Reports {
  private static final List<Grouping> STAGE_GROUPINGS =
      List.of(Grouping.CENTRE, Grouping.REGION, Grouping.SEX, Grouping.AGE_BAND, Grouping.COHORT);

  @Inject Gatekeeper gatekeeper;
  @Inject OutcomesPolicy policy;
  @Inject Population population;
  @Inject ObservationQueries observations;
  @Inject ReportSettings settings;
  @Inject CentreRepository centres;

  /** What the caller may ask for (no log entry: it names no figure). */
  public ReportViews.Catalogue catalogue() {
    StaffUser user = gatekeeper.caller();
    boolean everywhere = policy.reportsEverywhere(user);
    List<String> codes = new ArrayList<>();
    for (Centre c : centres.page(0, Integer.MAX_VALUE)) {
      if (everywhere || user.centres().contains(c.code())) {
        codes.add(c.code());
      }
    }
    return new ReportViews.Catalogue(
        settings.minCount(),
        settings.roundingBase(),
        everywhere,
        codes,
        Arrays.stream(Grouping.values()).map(Enum::name).toList(),
        stageNames(),
        Arrays.stream(IndicatorKind.values())
            .map(
                k -> {
                  List<String> cols = new ArrayList<>(k.allowedValues());
                  return new ReportViews.IndicatorColumns(k.name(), cols);
                })
            .toList());
  }

  /** People per programme stage at {@code date}, by {@code groupBy}. */
  @Transactional
  public ReportViews.Table stages(String dateParam, String groupByParam, String sexParam) {
    LocalDate date = ReportRequest.date(dateParam);
    Grouping groupBy = ReportRequest.grouping(groupByParam, Grouping.CENTRE);
    SexFilter sex = ReportRequest.sex(sexParam);
    if (groupBy == Grouping.STAGE) {
      throw VaultException.badRequest(
          "invalid-groupBy", "The stage report has the stages as columns; group by another.");
    }
    checkSexGrouping(groupBy, sex);
    Set<String> scope = decide("stages:" + date + ":" + groupBy + ":" + sex, null);
    PublishedTable t = stageFamily(population.at(date, scope)).table(sex, groupBy);
    return table("stages", null, date, null, null, null, groupBy, sex, t);
  }

  /** People by the value of {@code kind} in force at {@code date}, by {@code groupBy}. */
  @Transactional
  public ReportViews.Table indicators(
      String kindParam, String dateParam, String groupByParam, String sexParam) {
    IndicatorKind kind = ReportRequest.kind(kindParam);
    LocalDate date = ReportRequest.date(dateParam);
    Grouping groupBy = ReportRequest.grouping(groupByParam, Grouping.COHORT);
    SexFilter sex = ReportRequest.sex(sexParam);
    checkSexGrouping(groupBy, sex);
    Set<String> scope = decide("indicators:" + kind + ":" + date + ":" + groupBy + ":" + sex, null);
    Population.Counted counted = population.at(date, scope);
    Set<UUID> ids = new HashSet<>();
    counted.people().forEach(p -> ids.add(p.id()));
    Map<UUID, String> values = observations.valuesAt(kind, date, ids);
    List<String> columns = new ArrayList<>(kind.allowedValues());
    columns.add(IndicatorKind.NOT_RECORDED);
    List<Unit> units =
        counted.people().stream()
            .map(p -> new Unit(p.dims(), values.getOrDefault(p.id(), IndicatorKind.NOT_RECORDED)))
            .toList();
    int k = settings.minCount();
    ReportFamily family =
        ReportFamily.of(
            units,
            counted.layout(),
            columns,
            List.of(Grouping.values()),
            null,
            Margins.of(units, counted.layout(), k),
            k);
    return table(
        "indicators",
        kind.name(),
        date,
        null,
        null,
        null,
        groupBy,
        sex,
        family.table(sex, groupBy));
  }

  /**
   * People per stage at the end of each month from {@code from} to {@code to} (the last one today),
   * of one centre or of the caller's whole scope: each month is a row of that date's stage report,
   * suppressed exactly as that report is.
   */
  @Transactional
  public ReportViews.Table stageTrend(String fromParam, String toParam, String centreParam) {
    YearMonth to = ReportRequest.month(toParam, "to", YearMonth.from(ReportRequest.today()));
    YearMonth from = ReportRequest.month(fromParam, "from", to.minusMonths(11));
    if (from.isAfter(to) || from.plusMonths(ReportRequest.MAX_MONTHS - 1).isBefore(to)) {
      throw VaultException.badRequest(
          "invalid-period",
          "from must not be after to, and the period is at most "
              + ReportRequest.MAX_MONTHS
              + " months.");
    }
    String centre = centreParam == null || centreParam.isBlank() ? null : centreParam.strip();
    if (centre != null && centres.find(centre).isEmpty()) {
      throw VaultException.badRequest(
          "invalid-centre", "centre must name one of the centres (GET /api/centres).");
    }
    Set<String> scope = decide("stage-trend:" + from + ":" + to + ":" + centre, centre);
    Population.Records records = population.of(scope);
    List<ReportViews.Row> rows = new ArrayList<>();
    int primary = 0;
    int complementary = 0;
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      LocalDate at =
          m.atEndOfMonth().isAfter(ReportRequest.today())
              ? ReportRequest.today()
              : m.atEndOfMonth();
      PublishedTable t =
          stageFamily(records.at(at))
              .table(SexFilter.ALL, Grouping.CENTRE)
              .rounded(settings.roundingBase());
      List<PublishedCell> cells = t.columnTotals();
      PublishedCell total = t.total();
      if (centre != null) {
        PublishedRow r =
            t.rows().stream().filter(x -> x.category().equals(centre)).findFirst().orElseThrow();
        cells = r.cells();
        total = r.total();
      }
      rows.add(
          new ReportViews.Row(
              m.toString(), ReportViews.Cell.of(cells), ReportViews.Cell.of(total)));
      List<PublishedCell> all = new ArrayList<>(cells);
      all.add(total);
      primary += count(all, CellStatus.PRIMARY);
      complementary += count(all, CellStatus.COMPLEMENTARY);
    }
    return new ReportViews.Table(
        "stage-trend",
        null,
        null,
        from.toString(),
        to.toString(),
        centre,
        null,
        null,
        settings.minCount(),
        settings.roundingBase(),
        stageNames(),
        rows,
        null,
        null,
        new ReportViews.Suppressed(primary, complementary));
  }

  private static int count(List<PublishedCell> cells, CellStatus status) {
    return (int) cells.stream().filter(c -> c.status() == status).count();
  }

  private ReportFamily stageFamily(Population.Counted counted) {
    List<Unit> units =
        counted.people().stream().map(p -> new Unit(p.dims(), p.dim(Grouping.STAGE))).toList();
    int k = settings.minCount();
    return ReportFamily.of(
        units,
        counted.layout(),
        stageNames(),
        STAGE_GROUPINGS,
        Grouping.STAGE,
        Margins.of(units, counted.layout(), k),
        k);
  }

  /**
   * Decides and records the run; returns the centres the figures cover (null: the whole programme).
   * A report of one centre is still computed over the caller's whole scope and that centre's row
   * taken, so it is suppressed exactly as the scope's report is; a centre outside the caller's
   * scope is refused (403).
   */
  private Set<String> decide(String parameters, String centre) {
    StaffUser user = gatekeeper.caller();
    PolicyDecision d = policy.reports(user);
    boolean everywhere = d.allowed() && policy.reportsEverywhere(user);
    if (d.allowed() && centre != null && !everywhere && !user.centres().contains(centre)) {
      d = PolicyDecision.deny("report:centre-scope", "Reports cover only your own centres.");
    }
    gatekeeper.enforceDecision(d, Action.REPORT_RUN, Target.report(parameters), centre, null);
    return everywhere ? null : new TreeSet<>(user.centres());
  }

  private static void checkSexGrouping(Grouping groupBy, SexFilter sex) {
    if (groupBy == Grouping.SEX && sex != SexFilter.ALL) {
      throw VaultException.badRequest(
          "invalid-groupBy", "Grouping by sex with a sex filter gives one row; choose another.");
    }
  }

  private ReportViews.Table table(
      String report,
      String kind,
      LocalDate date,
      String from,
      String to,
      String centre,
      Grouping groupBy,
      SexFilter sex,
      PublishedTable published) {
    PublishedTable t = published.rounded(settings.roundingBase());
    return new ReportViews.Table(
        report,
        kind,
        date == null ? null : date.toString(),
        from,
        to,
        centre,
        groupBy == null ? null : groupBy.name(),
        sex == null || sex == SexFilter.ALL ? null : sex.name(),
        settings.minCount(),
        settings.roundingBase(),
        t.columns(),
        t.rows().stream().map(ReportViews.Row::of).toList(),
        ReportViews.Cell.of(t.columnTotals()),
        ReportViews.Cell.of(t.total()),
        new ReportViews.Suppressed(t.primaryCount(), t.complementaryCount()));
  }

  private static List<String> stageNames() {
    return Arrays.stream(ProgrammeStage.values()).map(Enum::name).toList();
  }
}

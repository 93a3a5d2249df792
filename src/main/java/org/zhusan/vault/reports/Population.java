package org.zhusan.vault.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.zhusan.vault.centres.Centre;
import org.zhusan.vault.centres.CentreRepository;
import org.zhusan.vault.reports.table.Grouping;
import org.zhusan.vault.reports.table.Layout;
import org.zhusan.vault.subjects.ProgrammeStage;
import org.zhusan.vault.subjects.Subject;

/**
 * The people reports count: everyone of the scope's centres, except people whose records were
 * shredded (they are erased from the vault, figures included), read once per report with their
 * stage history, so that a report over many dates (the stage trend) reads and opens each record
 * once. At a date, a person counts if their programme had begun (a stage transition on or before
 * it); their categories come from the plain reportable columns, the stage in force, and the date of
 * birth opened in memory.
 */
@ApplicationScoped
class Population {
  static final String UNKNOWN = "UNKNOWN";

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject CentreRepository centres;

  /** The people at one date, and the layout of the report's rows. */
  record Counted(List<Person> people, Layout layout) {}

  /** A stage taking effect on a date. */
  private record Move(LocalDate on, String stage) {}

  /** One person's reportable record, read once. */
  private record Entry(
      UUID id,
      String centre,
      String sex,
      LocalDate birth,
      String yearBand,
      LocalDate arrival,
      List<Move> moves) {
    /** The stage in force at {@code date}, or null before the programme began. */
    String stageAt(LocalDate date) {
      String stage = null;
      for (Move m : moves) {
        if (m.on().isAfter(date)) {
          break;
        }
        stage = m.stage();
      }
      return stage;
    }
  }

  /** The records of a scope, counted at any date. */
  static final class Records {
    private final Map<String, String> regionOfCentre;
    private final List<Entry> entries;

    private Records(Map<String, String> regionOfCentre, List<Entry> entries) {
      this.regionOfCentre = regionOfCentre;
      this.entries = entries;
    }

    Counted at(LocalDate date) {
      List<Person> people = new ArrayList<>(entries.size());
      TreeSet<Integer> cohorts = new TreeSet<>();
      for (Entry e : entries) {
        String stage = e.stageAt(date);
        if (stage == null) {
          continue;
        }
        Map<Grouping, String> dims = new EnumMap<>(Grouping.class);
        dims.put(Grouping.CENTRE, e.centre());
        dims.put(Grouping.REGION, regionOfCentre.get(e.centre()));
        dims.put(Grouping.SEX, e.sex());
        dims.put(Grouping.STAGE, stage);
        dims.put(
            Grouping.AGE_BAND,
            e.birth() != null
                ? AgeBand.of(e.birth(), date)
                : AgeBand.ofYearBand(e.yearBand(), date));
        if (e.arrival() != null) {
          cohorts.add(e.arrival().getYear());
          dims.put(Grouping.COHORT, Integer.toString(e.arrival().getYear()));
        } else {
          dims.put(Grouping.COHORT, UNKNOWN);
        }
        people.add(new Person(e.id(), dims));
      }
      return new Counted(people, layout(date, regionOfCentre, cohorts));
    }
  }

  /**
   * @param scope the centres whose people count; null for the whole programme
   */
  Records of(Set<String> scope) {
    Map<String, String> regionOfCentre = new LinkedHashMap<>();
    for (Centre c : centres.page(0, Integer.MAX_VALUE)) {
      if (scope == null || scope.contains(c.code())) {
        regionOfCentre.put(c.code(), c.region());
      }
    }
    if (regionOfCentre.isEmpty()) {
      return new Records(regionOfCentre, List.of());
    }
    Map<UUID, List<Move>> moves = moves(regionOfCentre.keySet());
    List<Object[]> rows = subjects(regionOfCentre.keySet());
    Map<UUID, LocalDate> births = birthDates(rows);
    List<Entry> entries = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      UUID id = (UUID) r[0];
      entries.add(
          new Entry(
              id,
              (String) r[1],
              String.valueOf(r[2]),
              births.get(id),
              (String) r[3],
              localDate(r[4]),
              moves.getOrDefault(id, List.of())));
    }
    return new Records(regionOfCentre, entries);
  }

  /** {@code of(scope).at(date)}. */
  Counted at(LocalDate date, Set<String> scope) {
    return of(scope).at(date);
  }

  private static Layout layout(
      LocalDate date, Map<String, String> regionOfCentre, TreeSet<Integer> cohorts) {
    Map<Grouping, List<String>> rows = new EnumMap<>(Grouping.class);
    rows.put(Grouping.CENTRE, List.copyOf(regionOfCentre.keySet()));
    rows.put(Grouping.REGION, List.copyOf(new TreeSet<>(regionOfCentre.values())));
    rows.put(
        Grouping.STAGE, java.util.Arrays.stream(ProgrammeStage.values()).map(Enum::name).toList());
    rows.put(Grouping.SEX, List.of("F", "M"));
    rows.put(Grouping.AGE_BAND, AgeBand.ROWS);
    List<String> years = new ArrayList<>();
    int first = cohorts.isEmpty() ? date.getYear() : cohorts.first();
    int last = Math.max(date.getYear(), cohorts.isEmpty() ? first : cohorts.last());
    for (int y = first; y <= last; y++) {
      years.add(Integer.toString(y));
    }
    years.add(UNKNOWN);
    rows.put(Grouping.COHORT, years);
    return new Layout(rows, regionOfCentre);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> subjects(Set<String> centreCodes) {
    return em.createNativeQuery(
            "SELECT s.id, s.centre_code, s.sex, s.birth_year_band, s.arrival_date FROM subject s"
                + " JOIN data_key k ON k.owner_id = s.id AND k.wrapped IS NOT NULL"
                + " WHERE s.centre_code IN (:centres) ORDER BY s.id")
        .setParameter("centres", centreCodes)
        .getResultList();
  }

  /** Every person's stage transitions, oldest first. */
  @SuppressWarnings("unchecked")
  private Map<UUID, List<Move>> moves(Set<String> centreCodes) {
    Map<UUID, List<Move>> out = new HashMap<>();
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT t.subject_id, t.to_stage, t.effective_on FROM stage_transition t"
                    + " JOIN subject s ON s.id = t.subject_id WHERE s.centre_code IN (:centres)"
                    + " ORDER BY t.subject_id, t.effective_on, t.id")
            .setParameter("centres", centreCodes)
            .getResultList();
    for (Object[] r : rows) {
      out.computeIfAbsent((UUID) r[0], k -> new ArrayList<>())
          .add(new Move(localDate(r[2]), (String) r[1]));
    }
    return out;
  }

  /** Dates of birth, opened in memory, of those who have one. */
  private Map<UUID, LocalDate> birthDates(List<Object[]> rows) {
    Map<UUID, LocalDate> out = new HashMap<>();
    List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
    for (int from = 0; from < ids.size(); from += 1000) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
      for (Subject s :
          em.createQuery("select s from Subject s where s.id in :ids", Subject.class)
              .setParameter("ids", chunk)
              .getResultList()) {
        s.dateOfBirth().map(LocalDate::parse).ifPresent(d -> out.put(s.id(), d));
      }
    }
    return out;
  }

  private static LocalDate localDate(Object o) {
    if (o == null) {
      return null;
    }
    return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
  }
}

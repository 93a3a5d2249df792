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
 * The people a report counts at a date: everyone of the scope's centres whose programme had begun
 * by then (a stage transition on or before the date), except people whose records were shredded
 * (they are erased from the vault, figures included). Their categories come from the plain
 * reportable columns, the stage history, and the date of birth opened in memory.
 */
@ApplicationScoped
class Population {
  static final String UNKNOWN = "UNKNOWN";

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject CentreRepository centres;

  /** The people and the layout of the report's rows. */
  record Counted(List<Person> people, Layout layout) {}

  /**
   * @param scope the centres whose people count; null for the whole programme
   */
  Counted at(LocalDate date, Set<String> scope) {
    Map<String, String> regionOfCentre = new LinkedHashMap<>();
    for (Centre c : centres.page(0, Integer.MAX_VALUE)) {
      if (scope == null || scope.contains(c.code())) {
        regionOfCentre.put(c.code(), c.region());
      }
    }
    List<Object[]> rows = rows(date, regionOfCentre.keySet());
    Map<UUID, LocalDate> births = birthDates(rows);
    List<Person> people = new ArrayList<>(rows.size());
    TreeSet<Integer> cohorts = new TreeSet<>();
    for (Object[] r : rows) {
      UUID id = (UUID) r[0];
      String centre = (String) r[1];
      Map<Grouping, String> dims = new EnumMap<>(Grouping.class);
      dims.put(Grouping.CENTRE, centre);
      dims.put(Grouping.REGION, regionOfCentre.get(centre));
      dims.put(Grouping.SEX, String.valueOf(r[2]));
      dims.put(Grouping.STAGE, (String) r[5]);
      LocalDate birth = births.get(id);
      dims.put(
          Grouping.AGE_BAND,
          birth != null ? AgeBand.of(birth, date) : AgeBand.ofYearBand((String) r[3], date));
      LocalDate arrival = localDate(r[4]);
      if (arrival != null) {
        cohorts.add(arrival.getYear());
        dims.put(Grouping.COHORT, Integer.toString(arrival.getYear()));
      } else {
        dims.put(Grouping.COHORT, UNKNOWN);
      }
      people.add(new Person(id, dims));
    }
    return new Counted(people, layout(date, regionOfCentre, cohorts));
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
  private List<Object[]> rows(LocalDate date, Set<String> centreCodes) {
    if (centreCodes.isEmpty()) {
      return List.of();
    }
    return em.createNativeQuery(
            "SELECT s.id, s.centre_code, s.sex, s.birth_year_band, s.arrival_date, st.to_stage"
                + " FROM subject s"
                + " JOIN data_key k ON k.owner_id = s.id AND k.wrapped IS NOT NULL"
                + " JOIN LATERAL (SELECT t.to_stage FROM stage_transition t"
                + "   WHERE t.subject_id = s.id AND t.effective_on <= :d"
                + "   ORDER BY t.effective_on DESC, t.id DESC LIMIT 1) st ON true"
                + " WHERE s.centre_code IN (:centres)"
                + " ORDER BY s.id")
        .setParameter("d", date)
        .setParameter("centres", centreCodes)
        .getResultList();
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

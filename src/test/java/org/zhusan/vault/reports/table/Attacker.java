package org.zhusan.vault.reports.table;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An attacker on published tables, written independently of {@link Suppressor}: it knows only what
 * the tables say (their view, grouping, rows, columns, values and which cells are withheld) and the
 * region of each centre, writes its own equations (row sums, column sums, grand totals, region = Σ
 * its centres, ALL = F + M, the SEX rows of ALL = the one-sex views) and solves them in exact
 * rational arithmetic. A withheld cell is disclosed when its value is uniquely determined.
 *
 * <p>Cells are identified across tables by what they count: the same (view, grouping, row, column)
 * is one unknown; the column totals and grand total of a view are one unknown for all its
 * groupings. It throws if the published values contradict its equations (the tables are then not
 * exact, e.g. rounded, or the attacker's model is wrong).
 *
 * <p>Public so that an integration test can attack the tables the server publishes.
 */
public final class Attacker {

  /** A withheld cell found determined, with the value it must have. */
  public record Disclosure(String cell, BigInteger value) {}

  private final Map<String, BigInteger> known = new LinkedHashMap<>();
  private final Map<String, Integer> unknown = new LinkedHashMap<>();
  private final List<String> unknownNames = new ArrayList<>();
  private final List<Map<String, Integer>> equations = new ArrayList<>();

  private Attacker() {}

  /** What {@code tables} disclose together, given {@code regionOfCentre}. */
  public static List<Disclosure> attack(
      List<PublishedTable> tables, Map<String, String> regionOfCentre) {
    Attacker attacker = new Attacker();
    attacker.read(tables);
    attacker.writeEquations(tables, regionOfCentre);
    return attacker.solve();
  }

  private static String t(SexFilter v, Grouping g, String r, String c) {
    return "T[" + v + "][" + g + "][" + r + "][" + c + "]";
  }

  private static String r(SexFilter v, Grouping g, String r) {
    return "R[" + v + "][" + g + "][" + r + "]";
  }

  private static String c(SexFilter v, String c) {
    return "C[" + v + "][" + c + "]";
  }

  private static String n(SexFilter v) {
    return "N[" + v + "]";
  }

  private void see(String name, PublishedCell cell) {
    if (cell.status() == CellStatus.PUBLISHED) {
      BigInteger value = BigInteger.valueOf(cell.value());
      BigInteger before = known.put(name, value);
      if (before != null && !before.equals(value)) {
        throw new IllegalStateException(name + " is published as " + before + " and " + value);
      }
      Integer index = unknown.remove(name);
      if (index != null) {
        unknownNames.set(index, null);
      }
    } else if (!known.containsKey(name) && !unknown.containsKey(name)) {
      unknown.put(name, unknownNames.size());
      unknownNames.add(name);
    }
  }

  private void read(List<PublishedTable> tables) {
    for (PublishedTable table : tables) {
      for (PublishedRow row : table.rows()) {
        for (int i = 0; i < table.columns().size(); i++) {
          see(
              t(table.view(), table.grouping(), row.category(), table.columns().get(i)),
              row.cells().get(i));
        }
        see(r(table.view(), table.grouping(), row.category()), row.total());
      }
      for (int i = 0; i < table.columns().size(); i++) {
        see(c(table.view(), table.columns().get(i)), table.columnTotals().get(i));
      }
      see(n(table.view()), table.total());
    }
  }

  private boolean seen(String name) {
    return known.containsKey(name) || unknown.containsKey(name);
  }

  /** Adds {@code total - Σ parts = 0} if every cell was seen in some table. */
  private void equation(String total, List<String> parts) {
    if (!seen(total) || !parts.stream().allMatch(this::seen)) {
      return;
    }
    Map<String, Integer> equation = new LinkedHashMap<>();
    equation.merge(total, 1, Integer::sum);
    for (String part : parts) {
      equation.merge(part, -1, Integer::sum);
    }
    equations.add(equation);
  }

  private void writeEquations(List<PublishedTable> tables, Map<String, String> regionOfCentre) {
    Map<String, PublishedTable> byKey = new HashMap<>();
    for (PublishedTable table : tables) {
      byKey.put(table.view() + "/" + table.grouping(), table);
    }
    for (PublishedTable table : tables) {
      SexFilter v = table.view();
      Grouping g = table.grouping();
      List<String> cols = table.columns();
      List<String> rowTotals = new ArrayList<>();
      for (PublishedRow row : table.rows()) {
        equation(
            r(v, g, row.category()),
            cols.stream().map(col -> t(v, g, row.category(), col)).toList());
        rowTotals.add(r(v, g, row.category()));
      }
      for (String col : cols) {
        equation(
            c(v, col), table.rows().stream().map(row -> t(v, g, row.category(), col)).toList());
      }
      equation(n(v), cols.stream().map(col -> c(v, col)).toList());
      equation(n(v), rowTotals);

      // Region nesting, from the region table's side.
      PublishedTable centres = byKey.get(v + "/" + Grouping.CENTRE);
      if (g == Grouping.REGION && centres != null) {
        for (PublishedRow region : table.rows()) {
          List<String> inRegion =
              centres.rows().stream()
                  .map(PublishedRow::category)
                  .filter(centre -> region.category().equals(regionOfCentre.get(centre)))
                  .toList();
          if (inRegion.isEmpty()) {
            continue;
          }
          equation(
              r(v, g, region.category()),
              inRegion.stream().map(centre -> r(v, Grouping.CENTRE, centre)).toList());
          for (String col : cols) {
            equation(
                t(v, g, region.category(), col),
                inRegion.stream().map(centre -> t(v, Grouping.CENTRE, centre, col)).toList());
          }
        }
      }

      // Columns that are another table's rows (the stage report's columns are the STAGE rows).
      for (PublishedTable other : tables) {
        if (other.view() == v
            && other.rows().stream().map(PublishedRow::category).toList().equals(cols)) {
          for (String col : cols) {
            equation(c(v, col), List.of(r(v, other.grouping(), col)));
          }
        }
      }

      if (v == SexFilter.ALL && g == Grouping.SEX) {
        for (PublishedRow row : table.rows()) {
          SexFilter sex = SexFilter.valueOf(row.category());
          equation(r(v, g, row.category()), List.of(n(sex)));
          for (String col : cols) {
            equation(t(v, g, row.category(), col), List.of(c(sex, col)));
          }
        }
      } else if (v == SexFilter.ALL) {
        for (PublishedRow row : table.rows()) {
          String cat = row.category();
          equation(r(v, g, cat), List.of(r(SexFilter.F, g, cat), r(SexFilter.M, g, cat)));
          for (String col : cols) {
            equation(
                t(v, g, cat, col),
                List.of(t(SexFilter.F, g, cat, col), t(SexFilter.M, g, cat, col)));
          }
        }
        for (String col : cols) {
          equation(c(v, col), List.of(c(SexFilter.F, col), c(SexFilter.M, col)));
        }
        equation(n(v), List.of(n(SexFilter.F), n(SexFilter.M)));
      }
    }
  }

  /** Exact Gauss-Jordan over the rationals, one equation at a time, kept in reduced form. */
  private List<Disclosure> solve() {
    // Pivot column -> its reduced row (sparse, by unknown index) and right-hand side.
    Map<Integer, TreeMap<Integer, Fraction>> pivots = new TreeMap<>();
    Map<Integer, Fraction> rhs = new HashMap<>();
    for (Map<String, Integer> equation : equations) {
      TreeMap<Integer, Fraction> row = new TreeMap<>();
      Fraction constant = Fraction.ZERO; // Σ coeff·x over unknowns = constant
      for (Map.Entry<String, Integer> term : equation.entrySet()) {
        if (term.getValue() == 0) {
          continue;
        }
        Fraction coeff = Fraction.of(term.getValue());
        BigInteger value = known.get(term.getKey());
        if (value != null) {
          constant = constant.minus(coeff.times(new Fraction(value, BigInteger.ONE)));
        } else {
          row.merge(unknown.get(term.getKey()), coeff, Fraction::plus);
          row.values().removeIf(Fraction::isZero);
        }
      }
      for (Integer col : new ArrayList<>(row.keySet())) {
        TreeMap<Integer, Fraction> pivotRow = pivots.get(col);
        Fraction factor = row.get(col);
        if (pivotRow == null || factor == null) {
          continue;
        }
        subtract(row, pivotRow, factor);
        constant = constant.minus(factor.times(rhs.get(col)));
      }
      if (row.isEmpty()) {
        if (!constant.isZero()) {
          throw new IllegalStateException("the published values contradict " + equation);
        }
        continue;
      }
      int col = row.firstKey();
      Fraction lead = row.get(col);
      for (Map.Entry<Integer, Fraction> entry : row.entrySet()) {
        entry.setValue(entry.getValue().divide(lead));
      }
      constant = constant.divide(lead);
      for (Map.Entry<Integer, TreeMap<Integer, Fraction>> other : pivots.entrySet()) {
        Fraction factor = other.getValue().get(col);
        if (factor != null) {
          subtract(other.getValue(), row, factor);
          rhs.put(other.getKey(), rhs.get(other.getKey()).minus(factor.times(constant)));
        }
      }
      pivots.put(col, row);
      rhs.put(col, constant);
    }
    List<Disclosure> disclosed = new ArrayList<>();
    pivots.forEach(
        (col, row) -> {
          if (row.size() == 1) {
            Fraction value = rhs.get(col);
            if (!value.den().equals(BigInteger.ONE)) {
              throw new IllegalStateException("a count solved to " + value);
            }
            disclosed.add(new Disclosure(unknownNames.get(col), value.num()));
          }
        });
    return disclosed;
  }

  private static void subtract(
      TreeMap<Integer, Fraction> row, TreeMap<Integer, Fraction> pivotRow, Fraction factor) {
    for (Map.Entry<Integer, Fraction> entry : pivotRow.entrySet()) {
      Fraction updated =
          row.getOrDefault(entry.getKey(), Fraction.ZERO).minus(factor.times(entry.getValue()));
      if (updated.isZero()) {
        row.remove(entry.getKey());
      } else {
        row.put(entry.getKey(), updated);
      }
    }
  }

  /** An exact rational, always in lowest terms with a positive denominator. */
  record Fraction(BigInteger num, BigInteger den) {
    static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

    Fraction {
      Objects.requireNonNull(num);
      if (den.signum() == 0) {
        throw new ArithmeticException("zero denominator");
      }
      if (den.signum() < 0) {
        num = num.negate();
        den = den.negate();
      }
      BigInteger gcd = num.gcd(den);
      if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
        num = num.divide(gcd);
        den = den.divide(gcd);
      }
    }

    static Fraction of(long value) {
      return new Fraction(BigInteger.valueOf(value), BigInteger.ONE);
    }

    boolean isZero() {
      return num.signum() == 0;
    }

    Fraction plus(Fraction o) {
      return new Fraction(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    Fraction minus(Fraction o) {
      return plus(new Fraction(o.num.negate(), o.den));
    }

    Fraction times(Fraction o) {
      return new Fraction(num.multiply(o.num), den.multiply(o.den));
    }

    Fraction divide(Fraction o) {
      return new Fraction(num.multiply(o.den), den.multiply(o.num));
    }

    @Override
    public String toString() {
      return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
    }
  }
}

package org.zhusan.vault.reports.table;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Small-cell suppression with complementary suppression over additive relations: the engine behind
 * {@link Margins} and {@link ReportFamily}, usable on its own.
 *
 * <p>Cells carry their true non-negative values; relations say {@code total = part + part + ...} (a
 * relation with one part says two cells are equal); a cell may be <em>preset</em>, its status then
 * fixed (the margins that every report shares). {@link #suppress} then:
 *
 * <ol>
 *   <li>marks PRIMARY every non-preset cell with {@code 0 < value < threshold}. Zeros are
 *       published: a zero is not a person, nobody can be identified in it, and which cells are
 *       empty is visible anyway from the listed categories;
 *   <li><b>greedy</b>: while a relation has exactly one suppressed member (which its published
 *       members would give away), suppresses one more of its members: the smallest non-zero
 *       published non-preset one, ties by cell id, a zero only if nothing else is left;
 *   <li><b>exact check</b>: substitutes the published values into all relations and asks, for each
 *       suppressed cell, whether its unit vector lies in the row space of the remaining system
 *       (whether some combination of relations isolates it, as in the "bridge" of two cycles joined
 *       by one cell, which no per-relation rule sees). If one does, suppresses one more member of
 *       one of its relations (same preference) and goes back to 2.
 * </ol>
 *
 * <p>The exact check eliminates over the integers modulo the prime p = 2<sup>61</sup>−1, not over
 * the rationals: the coefficients are all 0 and ±1, the arithmetic stays one machine word, and the
 * check runs once per round over every suppressed cell, where rational elimination grows its
 * numbers. Its two ways of being wrong are unequal. It calls a cell determined that is not (the
 * safe side: one needless suppression) if p divides a cofactor met on the way. It misses a
 * determined cell (the unsafe side) only if the rank drops modulo p, that is, if p divides every
 * largest non-zero minor, i.e. the product of the system's elementary divisors; for systems of sums
 * like these they are small in practice, nowhere near p. The tests confirm every family with an
 * independent attacker in exact rational arithmetic. The unknowns are split into connected
 * components first, so each elimination is small.
 *
 * <p>It terminates: each round suppresses one more cell, and at worst every non-preset cell is
 * suppressed. If a preset status makes protection impossible (a suppressed cell determined by cells
 * that may not change), it throws {@link IllegalStateException} naming the cell. Same input, same
 * output: every choice is ordered by value and then by cell id.
 *
 * <p>Not thread-safe; build, suppress, read, in one thread.
 */
public final class Suppressor {

  static final long P = (1L << 61) - 1;

  private final List<String> labels = new ArrayList<>();
  private long[] values = new long[64];
  private final List<CellStatus> presets = new ArrayList<>();
  private final List<int[]> relations = new ArrayList<>();
  private CellStatus[] statuses;

  /**
   * Adds a cell whose status {@link #suppress} decides.
   *
   * @param label names the cell in error messages
   * @param value its true value, non-negative
   * @return its id, the order of creation from 0
   */
  public int cell(String label, long value) {
    return add(label, value, null);
  }

  /**
   * Adds a cell whose status is fixed (e.g. a margin suppressed once for every report). A preset
   * PUBLISHED cell is never suppressed; a preset suppressed cell is protected like any other.
   */
  public int presetCell(String label, long value, CellStatus status) {
    return add(label, value, Objects.requireNonNull(status, "status is required."));
  }

  private int add(String label, long value, CellStatus preset) {
    Objects.requireNonNull(label, "label is required.");
    if (value < 0) {
      throw new IllegalArgumentException("cell " + label + " has a negative value.");
    }
    int id = labels.size();
    if (id == values.length) {
      values = Arrays.copyOf(values, id * 2);
    }
    labels.add(label);
    values[id] = value;
    presets.add(preset);
    statuses = null;
    return id;
  }

  /**
   * Adds the relation {@code total = Σ parts}, which must hold on the true values.
   *
   * @throws IllegalArgumentException if a cell is unknown or repeated, or the sum does not hold
   */
  public void relation(int total, int... parts) {
    if (parts.length == 0 && total >= 0 && total < labels.size() && values[total] == 0) {
      return; // a sum of nothing (a grouping with no rows, an empty scope): zero, no person
    }
    int[] members = new int[parts.length + 1];
    members[0] = total;
    System.arraycopy(parts, 0, members, 1, parts.length);
    long sum = 0;
    BitSet seen = new BitSet();
    for (int member : members) {
      if (member < 0 || member >= labels.size()) {
        throw new IllegalArgumentException("no cell " + member + ".");
      }
      if (seen.get(member)) {
        throw new IllegalArgumentException("cell " + labels.get(member) + " repeated.");
      }
      seen.set(member);
    }
    for (int part : parts) {
      sum += values[part];
    }
    if (parts.length == 0 || sum != values[total]) {
      throw new IllegalArgumentException(
          labels.get(total)
              + " = "
              + values[total]
              + " is not the sum of its parts ("
              + sum
              + ").");
    }
    relations.add(members);
    statuses = null;
  }

  /** How many cells there are. */
  public int size() {
    return labels.size();
  }

  /** The true value of {@code cell}. */
  public long value(int cell) {
    return values[cell];
  }

  /** The status {@link #suppress} gave {@code cell}. */
  public CellStatus status(int cell) {
    if (statuses == null) {
      throw new IllegalStateException("call suppress first.");
    }
    return statuses[cell];
  }

  /**
   * Decides every status as the class comment describes, from scratch.
   *
   * @param threshold the smallest published count, at least 1
   * @throws IllegalStateException if the presets make protection impossible
   */
  public void suppress(int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1.");
    }
    int n = labels.size();
    CellStatus[] status = new CellStatus[n];
    for (int i = 0; i < n; i++) {
      CellStatus preset = presets.get(i);
      status[i] =
          preset != null
              ? preset
              : values[i] > 0 && values[i] < threshold ? CellStatus.PRIMARY : CellStatus.PUBLISHED;
    }
    new Run(status).protect();
    statuses = status;
  }

  /** One run of {@link #suppress}: the statuses being decided and the index of relations. */
  private final class Run {
    private final CellStatus[] status;
    private final int[][] relationsOf;

    /**
     * Cells whose value the preset published cells already give away: the one non-preset member of
     * a relation whose other members are all preset and published (a SEX row of the ALL view is the
     * one-sex view's column total, when that total is a preset margin). Withholding one protects
     * nothing, so it is never chosen as a complement.
     */
    private final BitSet pinned = new BitSet();

    Run(CellStatus[] status) {
      this.status = status;
      for (int[] members : relations) {
        int free = -1;
        int frees = 0;
        boolean othersPublished = true;
        for (int member : members) {
          CellStatus preset = presets.get(member);
          if (preset == null) {
            free = member;
            frees++;
          } else if (preset.suppressed()) {
            othersPublished = false;
          }
        }
        if (frees == 1 && othersPublished) {
          pinned.set(free);
        }
      }
      int n = status.length;
      int[] count = new int[n];
      for (int[] members : relations) {
        for (int member : members) {
          count[member]++;
        }
      }
      relationsOf = new int[n][];
      for (int i = 0; i < n; i++) {
        relationsOf[i] = new int[count[i]];
      }
      Arrays.fill(count, 0);
      for (int r = 0; r < relations.size(); r++) {
        for (int member : relations.get(r)) {
          relationsOf[member][count[member]++] = r;
        }
      }
    }

    void protect() {
      try {
        protectCellByCell();
      } catch (NoComplement e) {
        withholdEveryFreeCell(e.cell);
      }
    }

    /**
     * The last resort when no complement is left for a cell (the preset margins fix too much of a
     * relation): withhold every cell that is not preset. What is then published is the presets
     * alone, which were protected in their own family; a withheld cell could only be worked out
     * where preset published cells already give its value away (a pinned cell: public anyway). A
     * PRIMARY cell pinned by presets means the presets themselves disclose it: that is refused.
     */
    private void withholdEveryFreeCell(int cell) {
      if (pinned.get(cell) && status[cell] == CellStatus.PRIMARY) {
        throw impossible(cell);
      }
      for (int i = 0; i < status.length; i++) {
        if (presets.get(i) == null && !status[i].suppressed()) {
          status[i] = CellStatus.COMPLEMENTARY;
        }
      }
    }

    private void protectCellByCell() {
      while (true) {
        greedy();
        List<Recoverable> recoverable = recoverable();
        if (recoverable.isEmpty()) {
          return;
        }
        BitSet addedThisRound = new BitSet();
        for (Recoverable found : recoverable) {
          if (touches(found.cell(), addedThisRound)) {
            continue;
          }
          // The cell's own relations first (a complement next to it), else any of its component.
          int candidate = best(Arrays.stream(relationsOf[found.cell()]).boxed().toList());
          if (candidate < 0) {
            candidate = best(found.componentRelations());
          }
          if (candidate < 0) {
            throw new NoComplement(found.cell());
          }
          status[candidate] = CellStatus.COMPLEMENTARY;
          addedThisRound.set(candidate);
        }
      }
    }

    /** Whether a relation of {@code cell} has a member in {@code cells}. */
    private boolean touches(int cell, BitSet cells) {
      for (int r : relationsOf[cell]) {
        for (int member : relations.get(r)) {
          if (cells.get(member)) {
            return true;
          }
        }
      }
      return false;
    }

    /** Step 2: no relation with exactly one suppressed member. */
    private void greedy() {
      int m = relations.size();
      ArrayDeque<Integer> work = new ArrayDeque<>(m);
      boolean[] queued = new boolean[m];
      for (int r = 0; r < m; r++) {
        work.add(r);
        queued[r] = true;
      }
      while (!work.isEmpty()) {
        int r = work.poll();
        queued[r] = false;
        int[] members = relations.get(r);
        int suppressed = 0;
        int lone = -1;
        for (int member : members) {
          if (status[member].suppressed()) {
            suppressed++;
            lone = member;
          }
        }
        if (suppressed != 1) {
          continue;
        }
        int candidate = best(members);
        if (candidate < 0) {
          throw new NoComplement(lone);
        }
        status[candidate] = CellStatus.COMPLEMENTARY;
        for (int other : relationsOf[candidate]) {
          if (!queued[other]) {
            queued[other] = true;
            work.add(other);
          }
        }
      }
    }

    /** The preferred published non-preset member of {@code members}, or -1. */
    private int best(int[] members) {
      int best = -1;
      for (int member : members) {
        if (status[member].suppressed() || presets.get(member) != null || pinned.get(member)) {
          continue;
        }
        if (best < 0 || better(member, best)) {
          best = member;
        }
      }
      return best;
    }

    /** The preferred published non-preset member of any of {@code relationIds}, or -1. */
    private int best(List<Integer> relationIds) {
      int best = -1;
      for (int r : relationIds) {
        int candidate = best(relations.get(r));
        if (candidate >= 0 && (best < 0 || better(candidate, best))) {
          best = candidate;
        }
      }
      return best;
    }

    /** Non-zero before zero, then smaller value, then smaller id. */
    private boolean better(int a, int b) {
      boolean zeroA = values[a] == 0;
      boolean zeroB = values[b] == 0;
      if (zeroA != zeroB) {
        return zeroB;
      }
      if (values[a] != values[b]) {
        return values[a] < values[b];
      }
      return a < b;
    }

    private IllegalStateException impossible(int cell) {
      return new IllegalStateException(
          "cannot protect "
              + labels.get(cell)
              + ": it is determined by cells whose status is preset, so no complementary"
              + " suppression is possible.");
    }

    /** Step 3: the suppressed cells that the published values determine, in id order. */
    private List<Recoverable> recoverable() {
      int n = status.length;
      int[] parent = new int[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
      }
      for (int[] members : relations) {
        int first = -1;
        for (int member : members) {
          if (status[member].suppressed()) {
            if (first < 0) {
              first = member;
            } else {
              union(parent, first, member);
            }
          }
        }
      }
      // Components keyed by their root; relations and unknowns listed in id order.
      List<List<Integer>> cellsOf = new ArrayList<>();
      List<List<Integer>> relationsOfComponent = new ArrayList<>();
      int[] componentOfRoot = new int[n];
      Arrays.fill(componentOfRoot, -1);
      int[] local = new int[n];
      for (int i = 0; i < n; i++) {
        if (!status[i].suppressed()) {
          continue;
        }
        int root = find(parent, i);
        if (componentOfRoot[root] < 0) {
          componentOfRoot[root] = cellsOf.size();
          cellsOf.add(new ArrayList<>());
          relationsOfComponent.add(new ArrayList<>());
        }
        List<Integer> cells = cellsOf.get(componentOfRoot[root]);
        local[i] = cells.size();
        cells.add(i);
      }
      for (int r = 0; r < relations.size(); r++) {
        for (int member : relations.get(r)) {
          if (status[member].suppressed()) {
            relationsOfComponent.get(componentOfRoot[find(parent, member)]).add(r);
            break;
          }
        }
      }
      List<Recoverable> found = new ArrayList<>();
      for (int c = 0; c < cellsOf.size(); c++) {
        List<Integer> cells = cellsOf.get(c);
        List<Integer> rows = relationsOfComponent.get(c);
        for (int cell : determined(cells, rows, local)) {
          found.add(new Recoverable(cell, rows));
        }
      }
      found.sort((a, b) -> Integer.compare(a.cell(), b.cell()));
      return found;
    }

    /** The cells of one component that its relations determine: RREF rows with one entry. */
    private List<Integer> determined(List<Integer> cells, List<Integer> rows, int[] local) {
      int width = cells.size();
      long[][] matrix = new long[rows.size()][width];
      for (int i = 0; i < rows.size(); i++) {
        int[] members = relations.get(rows.get(i));
        for (int k = 0; k < members.length; k++) {
          if (status[members[k]].suppressed()) {
            matrix[i][local[members[k]]] = k == 0 ? 1 : P - 1;
          }
        }
      }
      int[] pivotRowOfColumn = Modular.reduce(matrix, width);
      List<Integer> determined = new ArrayList<>();
      for (int col = 0; col < width; col++) {
        int row = pivotRowOfColumn[col];
        if (row >= 0 && Modular.onlyEntry(matrix[row], col)) {
          determined.add(cells.get(col));
        }
      }
      return determined;
    }
  }

  /** A suppressed cell found determined, with the relations of its component. */
  /** No cell is left to complement {@code cell}: {@link Run#protect} falls back. */
  private static final class NoComplement extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient int cell;

    NoComplement(int cell) {
      super(null, null, false, false);
      this.cell = cell;
    }
  }

  private record Recoverable(int cell, List<Integer> componentRelations) {}

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}

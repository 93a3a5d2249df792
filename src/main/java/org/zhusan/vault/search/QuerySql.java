package org.zhusan.vault.search;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Translates a {@link Query} into a PostgreSQL query over the blind index that returns the matching
 * document versions with a score. Only blind tokens are bound as parameters; the SQL text is built
 * from the tree's shape alone (small integers and keywords), never from user input.
 *
 * <h2>Schema it expects</h2>
 *
 * <pre>
 * CREATE TABLE search_token (
 *   version_id UUID    NOT NULL,                                  -- the indexed document version
 *   token      BYTEA   NOT NULL CHECK (octet_length(token) = 16), -- BlindTokens.token(stem)
 *   tf         INTEGER NOT NULL CHECK (tf &gt; 0),                    -- occurrences in that version
 *   PRIMARY KEY (token, version_id) INCLUDE (tf)                  -- posting lists, index-only scans
 * );
 * CREATE INDEX search_token_version_idx ON search_token (version_id);  -- delete / re-index a version
 * </pre>
 *
 * (The full proposal, with the per-version bookkeeping table, is in {@code docs/search.md}.)
 *
 * <h2>The fragment</h2>
 *
 * {@link #candidates} returns a complete {@code SELECT} with two columns, {@code version_id UUID}
 * and {@code score BIGINT}, one row per matching version, unordered:
 *
 * <pre>
 * SELECT h.version_id, h.score FROM (
 *   SELECT s.version_id, bit_or(q.leaves) AS leaves,
 *          SUM(s.tf) FILTER (WHERE q.positive) AS score
 *   FROM (VALUES (CAST(? AS bytea), 1, TRUE), (CAST(? AS bytea), 2, FALSE) …) AS q(token, leaves, positive)
 *   JOIN search_token s ON s.token = q.token
 *   GROUP BY s.version_id) AS h
 * WHERE ((h.leaves &amp; 1) &lt;&gt; 0 AND NOT ((h.leaves &amp; 2) &lt;&gt; 0))
 * </pre>
 *
 * Each leaf of the tree gets a bit; each distinct token is one {@code VALUES} row carrying the bits
 * of the leaves it belongs to and whether any of them is positive (not under NOT). One pass over
 * the posting lists of all query tokens collects, per version, the set of leaves it matches; the
 * boolean formula is then evaluated on that bit set. This is correct because queries are
 * {@linkplain Query#isAnchored anchored}: a version that contains no query token cannot match.
 *
 * <p>Score = total occurrences of the positive terms' tokens in the version. It depends only on the
 * version itself, never on other documents (no IDF), so the ranking of the hits a caller may read
 * cannot reveal anything about documents they may not read.
 *
 * <h2>Access filtering, ranking and paging (the caller's part)</h2>
 *
 * Wrap the fragment; filter by access <em>before</em> ordering and limiting, so that hits the
 * caller may not read are never returned, counted, or allowed to push readable hits off a page:
 *
 * <pre>
 * SELECT h.version_id, h.score, count(*) OVER () AS total
 * FROM ( &lt;fragment&gt; ) AS h
 * JOIN document_version v ON v.id = h.version_id
 * JOIN document d ON d.id = v.document_id
 * WHERE &lt;access predicate for the caller on d, v and the subject&gt;
 * ORDER BY h.score DESC, h.version_id
 * LIMIT ? OFFSET ?
 * </pre>
 *
 * Bind the fragment's parameters first ({@link Fragment#bind}), then your own.
 *
 * <p>Thread safety: stateless.
 */
public final class QuerySql {
  /** The blind-index table the fragment reads. */
  public static final String TABLE = "search_token";

  /** Most leaves a query may have here (one bit each in a PostgreSQL {@code integer}). */
  public static final int MAX_LEAVES = 31;

  private QuerySql() {}

  /** A SQL text with positional {@code ?} parameters, all {@code bytea} token values in order. */
  public static final class Fragment {
    private final String sql;
    private final List<BlindToken> parameters;

    Fragment(String sql, List<BlindToken> parameters) {
      this.sql = sql;
      this.parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /** The SQL text. */
    public String sql() {
      return sql;
    }

    /** The tokens to bind, in order, each as a {@code bytea} ({@link BlindToken#bytes()}). */
    public List<BlindToken> parameters() {
      return parameters;
    }

    /**
     * Binds the parameters to {@code statement} from index {@code firstIndex} (1-based) on, and
     * returns the next free index.
     */
    public int bind(PreparedStatement statement, int firstIndex) throws SQLException {
      Objects.requireNonNull(statement, "statement is required.");
      int i = firstIndex;
      for (BlindToken token : parameters) {
        statement.setBytes(i++, token.bytes());
      }
      return i;
    }

    @Override
    public String toString() {
      return sql + " -- " + parameters.size() + " parameter(s)";
    }
  }

  /**
   * The versions that match {@code query}, with their scores (columns {@code version_id}, {@code
   * score}); see the class documentation for how to wrap it.
   *
   * @throws IllegalArgumentException if the query is not anchored or has more than {@value
   *     #MAX_LEAVES} leaves
   */
  public static Fragment candidates(Query query) {
    Objects.requireNonNull(query, "query is required.");
    if (!query.isAnchored()) {
      throw new IllegalArgumentException("the query needs a positive term in every alternative");
    }
    if (query.termCount() > MAX_LEAVES) {
      throw new IllegalArgumentException("at most " + MAX_LEAVES + " terms per query");
    }
    Map<BlindToken, int[]> rows = new TreeMap<>(); // token -> {leaf bits, positive ? 1 : 0}
    StringBuilder formula = new StringBuilder();
    formula(query, true, new int[] {0}, rows, formula);

    StringBuilder sql = new StringBuilder(256 + 40 * rows.size() + formula.length());
    sql.append("SELECT h.version_id, h.score FROM (")
        .append("SELECT s.version_id, bit_or(q.leaves) AS leaves,")
        .append(" SUM(s.tf) FILTER (WHERE q.positive) AS score")
        .append(" FROM (VALUES ");
    List<BlindToken> parameters = new ArrayList<>(rows.size());
    for (Map.Entry<BlindToken, int[]> row : rows.entrySet()) {
      if (!parameters.isEmpty()) {
        sql.append(", ");
      }
      sql.append("(CAST(? AS bytea), ")
          .append(row.getValue()[0])
          .append(", ")
          .append(row.getValue()[1] != 0 ? "TRUE" : "FALSE")
          .append(')');
      parameters.add(row.getKey());
    }
    sql.append(") AS q(token, leaves, positive)")
        .append(" JOIN ")
        .append(TABLE)
        .append(" s ON s.token = q.token")
        .append(" GROUP BY s.version_id) AS h")
        .append(" WHERE ")
        .append(formula);
    return new Fragment(sql.toString(), parameters);
  }

  /**
   * Appends the boolean formula of {@code q} over {@code h.leaves} and records each leaf's tokens.
   * {@code positive}: whether {@code q} sits under an even number of NOTs.
   */
  private static void formula(
      Query q, boolean positive, int[] nextLeaf, Map<BlindToken, int[]> rows, StringBuilder out) {
    if (q instanceof Query.Term) {
      int bit = 1 << nextLeaf[0]++;
      for (BlindToken token : ((Query.Term) q).anyOf()) {
        int[] row = rows.computeIfAbsent(token, t -> new int[2]);
        row[0] |= bit;
        row[1] |= positive ? 1 : 0;
      }
      out.append("(h.leaves & ").append(bit).append(") <> 0");
    } else if (q instanceof Query.Not) {
      out.append("NOT (");
      formula(((Query.Not) q).operand(), !positive, nextLeaf, rows, out);
      out.append(')');
    } else {
      boolean and = q instanceof Query.And;
      List<Query> operands = and ? ((Query.And) q).operands() : ((Query.Or) q).operands();
      out.append('(');
      for (int i = 0; i < operands.size(); i++) {
        if (i > 0) {
          out.append(and ? " AND " : " OR ");
        }
        formula(operands.get(i), positive, nextLeaf, rows, out);
      }
      out.append(')');
    }
  }
}

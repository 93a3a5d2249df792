package org.zhusan.vault.search;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A parsed search query ({@link QueryParser}): a boolean tree whose leaves are sets of blind
 * tokens. It holds no plaintext: a query word is present only as the tokens of its possible stems,
 * so the tree can be passed around, logged by structure, and turned into SQL ({@link QuerySql})
 * without exposing what was searched.
 *
 * <p>Semantics, for a document with token set D:
 *
 * <ul>
 *   <li>{@link Term}: some token of {@code anyOf} is in D (one word, any of its stems).
 *   <li>{@link And}: every operand matches. {@link Or}: some operand matches. {@link Not}: the
 *       operand does not match.
 * </ul>
 *
 * Only {@linkplain #isAnchored() anchored} queries can be evaluated against the index, which lists
 * documents by the tokens they contain; {@link QueryParser} produces nothing else.
 *
 * <p>Immutable value types (records).
 */
public sealed interface Query permits Query.Term, Query.And, Query.Or, Query.Not {

  /** Number of leaves ({@link Term}s) in the tree. */
  int termCount();

  /**
   * Whether every document this query matches must contain a token of some non-negated term — so
   * that the matches can be found from the index. {@code NOT a} and {@code a OR NOT b} are not
   * anchored (they match documents containing none of the query's tokens).
   */
  boolean isAnchored();

  /** One query word (or one part of a compound word): matches if any of its tokens occurs. */
  record Term(Set<BlindToken> anyOf) implements Query {
    /** Copies and sorts the tokens; at least one is required. */
    public Term {
      Objects.requireNonNull(anyOf, "tokens are required.");
      if (anyOf.isEmpty()) {
        throw new IllegalArgumentException("a term needs at least one token");
      }
      SortedSet<BlindToken> sorted = new TreeSet<>();
      for (BlindToken token : anyOf) {
        sorted.add(Objects.requireNonNull(token, "token is required."));
      }
      anyOf = Collections.unmodifiableSortedSet(sorted);
    }

    @Override
    public int termCount() {
      return 1;
    }

    @Override
    public boolean isAnchored() {
      return true;
    }
  }

  /** Conjunction of at least two operands. */
  record And(List<Query> operands) implements Query {
    /** Copies the operands; at least two are required. */
    public And {
      operands = atLeastTwo(operands);
    }

    @Override
    public int termCount() {
      return operands.stream().mapToInt(Query::termCount).sum();
    }

    @Override
    public boolean isAnchored() {
      return operands.stream().anyMatch(Query::isAnchored);
    }
  }

  /** Disjunction of at least two operands. */
  record Or(List<Query> operands) implements Query {
    /** Copies the operands; at least two are required. */
    public Or {
      operands = atLeastTwo(operands);
    }

    @Override
    public int termCount() {
      return operands.stream().mapToInt(Query::termCount).sum();
    }

    @Override
    public boolean isAnchored() {
      return operands.stream().allMatch(Query::isAnchored);
    }
  }

  /** Negation. */
  record Not(Query operand) implements Query {
    /** The operand is required. */
    public Not {
      Objects.requireNonNull(operand, "operand is required.");
    }

    @Override
    public int termCount() {
      return operand.termCount();
    }

    @Override
    public boolean isAnchored() {
      return false;
    }
  }

  private static List<Query> atLeastTwo(List<Query> operands) {
    Objects.requireNonNull(operands, "operands are required.");
    List<Query> copy = List.copyOf(operands);
    if (copy.size() < 2) {
      throw new IllegalArgumentException("AND and OR need at least two operands");
    }
    return copy;
  }
}

package org.zhusan.vault.reports.table;

/**
 * A view of a report: the whole population, or only the women and girls ({@code F}), or only the
 * men and boys ({@code M}). Every person has sex {@code F} or {@code M}, so each cell of the {@code
 * ALL} view is the sum of the same cell in the two other views; the views are suppressed together
 * so that subtracting one from another recovers nothing.
 */
public enum SexFilter {
  ALL,
  F,
  M;

  /** Whether the tables of this view offer {@code grouping}: a one-sex view has no SEX rows. */
  boolean offers(Grouping grouping) {
    return this == ALL || grouping != Grouping.SEX;
  }

  /** Whether a person of sex {@code sex} ({@code "F"} or {@code "M"}) is counted in this view. */
  boolean counts(String sex) {
    return this == ALL || name().equals(sex);
  }
}

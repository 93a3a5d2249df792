package org.zhusan.vault.reports.table;

/**
 * What the rows of a published table are: the people are counted per centre, per region, per
 * programme stage, per sex, per age band or per arrival cohort. Every person has a category in
 * every grouping (missing values are the category {@code UNKNOWN}), so the tables of one report at
 * different groupings are partitions of the same population, which is why they must be suppressed
 * together.
 */
public enum Grouping {
  CENTRE,
  REGION,
  STAGE,
  SEX,
  AGE_BAND,
  COHORT
}

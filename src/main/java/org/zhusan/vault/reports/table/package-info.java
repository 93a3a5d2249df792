/**
 * The published tables of a programme-outcome report, with small-cell suppression: counts of people
 * by a grouping ({@link org.zhusan.vault.reports.table.Grouping}) and a column category, where
 * counts below a threshold are withheld (PRIMARY) and further cells are withheld (COMPLEMENTARY) so
 * that no withheld count can be recovered by arithmetic from the same report at any grouping, for
 * any sex, or from the margins shared with every other report on the same population.
 *
 * <p>{@link org.zhusan.vault.reports.table.Margins} suppresses the row totals once per population
 * and date; {@link org.zhusan.vault.reports.table.ReportFamily} suppresses one report's tables
 * around those fixed margins; {@link org.zhusan.vault.reports.table.Suppressor} is the engine
 * (primary, greedy complementary, exact linear check). See docs/reports.md.
 *
 * <p>Plain Java 17; no CDI, no database, no I/O, and nothing else of the vault.
 */
package org.zhusan.vault.reports.table;

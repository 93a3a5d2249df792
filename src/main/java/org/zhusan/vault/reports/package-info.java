/**
 * Programme outcome reports: predefined tables (people per stage, the stage funnel over time,
 * indicators by cohort) computed in memory from the records at a date, with small cells suppressed
 * ({@code reports.table}), as JSON and CSV. Who sees them, and of which centres, is in {@code
 * config/outcomes.yaml}; every run is in the access log. See docs/reports.md.
 */
package org.zhusan.vault.reports;

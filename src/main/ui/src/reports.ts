// Programme outcomes (issue 20): the shapes of the reports API and the pure logic the Reports page shares —
// which roles see reports, the request of each table (query and CSV file name), a Table turned into chart
// series with suppressed cells as gaps (never a number), stacked bar segments, and month ranges.
// The server counts, scopes and suppresses; these only ask and draw.

/** Roles that see the Reports page: the ministry's analysts, administrators and the centres' staff (their own centres). */
export const REPORT_ROLES = ['ANALYST', 'ADMIN', 'LAWYER', 'PSYCHOLOGIST', 'PSYCHIATRIST', 'DOCTOR', 'SOCIAL_WORKER', 'TEACHER', 'THEOLOGIAN', 'NGO_PARTNER'];

export function mayReport(roles: string[]): boolean {
  return roles.some((r) => REPORT_ROLES.includes(r));
}

export const GROUPINGS = ['CENTRE', 'REGION', 'STAGE', 'SEX', 'AGE_BAND', 'COHORT'] as const;
export type Grouping = (typeof GROUPINGS)[number];
export type Sex = 'F' | 'M';
export const NOT_RECORDED = 'NOT_RECORDED';
export const UNKNOWN = 'UNKNOWN';
/** The longest stage trend the API answers, in months. */
export const MAX_TREND_MONTHS = 36;

export interface IndicatorKind { kind: string; values: string[] }
export interface Catalogue {
  threshold: number; roundingBase: number; national: boolean; centres: string[]; groupings: Grouping[];
  stages: string[]; indicators: IndicatorKind[];
}

/** A cell: a count, or suppressed (PRIMARY: below the threshold; COMPLEMENTARY: hidden to protect another). */
export interface Cell { value?: number; suppressed?: 'PRIMARY' | 'COMPLEMENTARY' }
export interface Row { category: string; cells: Cell[]; total?: Cell }
export interface Table {
  report: string; kind?: string; date?: string; groupBy?: Grouping; sex?: Sex; from?: string; to?: string; centre?: string;
  threshold: number; roundingBase: number; columns: string[]; rows: Row[]; columnTotals?: Cell[]; total?: Cell;
  suppressed?: { primary: number; complementary: number };
}

export type ReportRequest =
  | { report: 'stages'; date: string; groupBy: Grouping; sex?: Sex | null }
  | { report: 'indicators'; kind: string; date: string; groupBy: Grouping; sex?: Sex | null }
  | { report: 'stage-trend'; from: string; to: string; centre?: string | null };

/** The API path of a table (with `format=csv` for its CSV). Only the API's parameter names. */
export function reportPath(r: ReportRequest, csv = false): string {
  const q = new URLSearchParams();
  if (r.report === 'indicators') q.set('kind', r.kind);
  if (r.report === 'stage-trend') {
    q.set('from', r.from);
    q.set('to', r.to);
    if (r.centre) q.set('centre', r.centre);
  } else {
    q.set('date', r.date);
    q.set('groupBy', r.groupBy);
    if (r.sex) q.set('sex', r.sex);
  }
  if (csv) q.set('format', 'csv');
  return `/reports/${r.report}?${q.toString()}`;
}

/** The name a table's CSV is saved under: what, when, how grouped ("indicators-IDEOLOGY_ASSESSMENT-2026-12-01-by-cohort-F.csv"). */
export function csvFileName(r: ReportRequest): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-');
  const parts: string[] = [r.report];
  if (r.report === 'stage-trend') {
    parts.push(r.from, 'to', r.to);
    if (r.centre) parts.push(r.centre);
  } else {
    if (r.report === 'indicators') parts.push(r.kind);
    parts.push(r.date, 'by', r.groupBy.toLowerCase().replace(/_/g, '-'));
    if (r.sex) parts.push(r.sex);
  }
  return `${parts.map(safe).join('-').replace(/-+/g, '-')}.csv`;
}

export function isSuppressed(c: Cell | undefined): boolean {
  return !!c && !!c.suppressed;
}

/** A series of the chart: one per column, a value per row; null where the cell is suppressed (a gap, never zero). */
export interface Series { key: string; values: (number | null)[] }
export interface ChartData { categories: string[]; series: Series[]; hidden: number }

export function chartData(t: Table): ChartData {
  let hidden = 0;
  const series = t.columns.map((key, i) => ({
    key,
    values: t.rows.map((r) => {
      const c = r.cells[i];
      if (!c || c.suppressed || typeof c.value !== 'number') {
        if (c?.suppressed) hidden++;
        return null;
      }
      return c.value;
    }),
  }));
  return { categories: t.rows.map((r) => r.category), series, hidden };
}

/** A drawn piece of a stacked bar: a known count from `start` to `start + value`, or a hidden one (a marker, no length). */
export type Segment =
  | { series: number; key: string; start: number; value: number; hidden: false }
  | { series: number; key: string; hidden: true };

/**
 * The segments of one row's stacked bar: known counts stacked in column order; suppressed cells come
 * after the bar as markers (they have no length: their size is not known). Zero counts draw nothing.
 */
export function stackRow(data: ChartData, row: number): Segment[] {
  const known: Segment[] = [];
  const hidden: Segment[] = [];
  let at = 0;
  data.series.forEach((s, i) => {
    const v = s.values[row];
    if (v === null || v === undefined) hidden.push({ series: i, key: s.key, hidden: true });
    else if (v > 0) {
      known.push({ series: i, key: s.key, start: at, value: v, hidden: false });
      at += v;
    }
  });
  return [...known, ...hidden];
}

/** The largest known stack (the scale of the chart); at least 1. */
export function stackMax(data: ChartData): number {
  let max = 1;
  data.categories.forEach((_, row) => {
    const sum = data.series.reduce((n, s) => n + (s.values[row] ?? 0), 0);
    max = Math.max(max, sum);
  });
  return max;
}

/** A round upper bound for an axis and its ticks (1, 2 or 5 times a power of ten per step). */
export function niceScale(max: number, ticks = 4): { top: number; step: number } {
  const rough = Math.max(1, max) / ticks;
  const pow = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= rough) ?? 10 * pow;
  const whole = Math.max(1, Math.ceil(step));
  return { top: Math.ceil(max / whole) * whole || whole, step: whole };
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** Months from..to inclusive (yyyy-MM), or null when either is not a month or from is after to. */
export function monthsBetween(from: string, to: string): number | null {
  const a = MONTH.exec(from);
  const b = MONTH.exec(to);
  if (!a || !b) return null;
  const ma = Number(a[2]);
  const mb = Number(b[2]);
  if (ma < 1 || ma > 12 || mb < 1 || mb > 12) return null;
  const n = (Number(b[1]) - Number(a[1])) * 12 + (mb - ma) + 1;
  return n >= 1 ? n : null;
}

/** The month `n` months before (negative: after) a yyyy-MM-dd or yyyy-MM day, as yyyy-MM. */
export function monthOf(day: string, back = 0): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 - back;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}`;
}

/** What is wrong with a trend's months (a message id), or null. */
export function trendProblem(from: string, to: string): { field: 'from' | 'to'; message: string } | null {
  if (!MONTH.test(from) || monthsBetween(from, from) === null) return { field: 'from', message: 'reports.trend.from.invalid' };
  if (!MONTH.test(to) || monthsBetween(to, to) === null) return { field: 'to', message: 'reports.trend.to.invalid' };
  const n = monthsBetween(from, to);
  if (n === null) return { field: 'to', message: 'reports.trend.order' };
  if (n > MAX_TREND_MONTHS) return { field: 'to', message: 'reports.trend.tooLong' };
  return null;
}

/** A month as people in each language write it: 01.2026 in Kazakh and Russian, 2026-01 in English. */
export function formatMonth(locale: string, month: string): string {
  const m = MONTH.exec(month);
  if (!m) return month;
  return locale === 'en' ? month : `${m[2]}.${m[1]}`;
}

/** The message id of a column heading: a stage, an indicator value or "not recorded". */
export function columnMessage(t: Pick<Table, 'report' | 'kind'>, column: string): string {
  if (column === NOT_RECORDED) return 'reports.notRecorded';
  if (t.report === 'indicators' && t.kind) return `indicator.value.${t.kind}.${column}`;
  return `stage.${column}`;
}

/**
 * How a row's category is read: a message id with values, or the category as it is (centre codes, regions,
 * age bands, cohort years). Months are formatted by the caller.
 */
export function categoryMessage(groupBy: Grouping | undefined, category: string): { id: string } | null {
  if (category === UNKNOWN) return { id: 'reports.unknown' };
  if (groupBy === 'STAGE') return { id: `stage.${category}` };
  if (groupBy === 'SEX') return { id: `sex.${category}` };
  return null;
}

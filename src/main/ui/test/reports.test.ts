import { describe, expect, it } from 'vitest';
import { createIntl } from '@formatjs/intl';
import { MESSAGES } from '../src/i18n';
import {
  categoryMessage, chartData, columnMessage, csvFileName, formatMonth, mayReport, monthOf, monthsBetween, niceScale, reportPath,
  stackMax, stackRow, trendProblem, type Table,
} from '../src/reports';

/** The contract's example: people by the ideology assessment, women, by cohort, one primary and three complementary cells hidden. */
const table: Table = {
  report: 'indicators', kind: 'IDEOLOGY_ASSESSMENT', date: '2026-12-01', groupBy: 'COHORT', sex: 'F', threshold: 5, roundingBase: 1,
  columns: ['YES', 'PARTLY', 'NO', 'NOT_RECORDED'],
  rows: [
    { category: '2019', cells: [{ value: 160 }, { suppressed: 'PRIMARY' }, { suppressed: 'COMPLEMENTARY' }, { value: 0 }], total: { value: 187 } },
    { category: '2020', cells: [{ value: 10 }, { value: 7 }, { suppressed: 'COMPLEMENTARY' }, { suppressed: 'COMPLEMENTARY' }], total: { value: 30 } },
    { category: 'UNKNOWN', cells: [{ value: 0 }, { value: 6 }, { value: 8 }, { value: 12 }], total: { value: 26 } },
  ],
  columnTotals: [{ value: 170 }, { suppressed: 'COMPLEMENTARY' }, { value: 40 }, { value: 15 }],
  total: { value: 600 },
  suppressed: { primary: 1, complementary: 3 },
};

describe('a table as chart series', () => {
  it('one series per column, a value per row; suppressed cells are gaps (null), never zero', () => {
    const d = chartData(table);
    expect(d.categories).toEqual(['2019', '2020', 'UNKNOWN']);
    expect(d.series.map((s) => s.key)).toEqual(['YES', 'PARTLY', 'NO', 'NOT_RECORDED']);
    expect(d.series[0].values).toEqual([160, 10, 0]);
    expect(d.series[1].values).toEqual([null, 7, 6]);
    expect(d.series[2].values).toEqual([null, null, 8]);
    // A real zero stays a zero; a hidden cell is not one.
    expect(d.series[3].values).toEqual([0, null, 12]);
    expect(d.hidden).toBe(4);
  });

  it('stacks known counts in column order and puts hidden cells after the bar as markers without length', () => {
    const d = chartData(table);
    expect(stackRow(d, 0)).toEqual([
      { series: 0, key: 'YES', start: 0, value: 160, hidden: false },
      { series: 1, key: 'PARTLY', hidden: true },
      { series: 2, key: 'NO', hidden: true },
    ]);
    expect(stackRow(d, 1)).toEqual([
      { series: 0, key: 'YES', start: 0, value: 10, hidden: false },
      { series: 1, key: 'PARTLY', start: 10, value: 7, hidden: false },
      { series: 2, key: 'NO', hidden: true },
      { series: 3, key: 'NOT_RECORDED', hidden: true },
    ]);
    // Zero counts draw nothing.
    expect(stackRow(d, 2).map((s) => s.key)).toEqual(['PARTLY', 'NO', 'NOT_RECORDED']);
  });

  it('scales to the largest known stack (hidden cells add nothing), on round ticks', () => {
    const d = chartData(table);
    expect(stackMax(d)).toBe(160);
    expect(niceScale(160)).toEqual({ top: 200, step: 50 });
    expect(niceScale(3)).toEqual({ top: 3, step: 1 });
    expect(niceScale(0)).toEqual({ top: 1, step: 1 });
    expect(niceScale(1234)).toEqual({ top: 1500, step: 500 });
  });

  it('a table without rows gives no series values', () => {
    const d = chartData({ ...table, rows: [] });
    expect(d.categories).toEqual([]);
    expect(d.hidden).toBe(0);
    expect(stackMax(d)).toBe(1);
  });
});

describe('requests and CSV file names', () => {
  it('asks only with the API\'s parameter names; sex only when chosen', () => {
    expect(reportPath({ report: 'stages', date: '2026-12-01', groupBy: 'CENTRE' })).toBe('/reports/stages?date=2026-12-01&groupBy=CENTRE');
    expect(reportPath({ report: 'stages', date: '2026-12-01', groupBy: 'REGION', sex: 'M' }, true)).toBe('/reports/stages?date=2026-12-01&groupBy=REGION&sex=M&format=csv');
    expect(reportPath({ report: 'indicators', kind: 'IDEOLOGY_ASSESSMENT', date: '2026-12-01', groupBy: 'COHORT', sex: 'F' }))
      .toBe('/reports/indicators?kind=IDEOLOGY_ASSESSMENT&date=2026-12-01&groupBy=COHORT&sex=F');
    expect(reportPath({ report: 'stage-trend', from: '2026-01', to: '2026-12' })).toBe('/reports/stage-trend?from=2026-01&to=2026-12');
    expect(reportPath({ report: 'stage-trend', from: '2026-01', to: '2026-12', centre: 'AST-01' }, true))
      .toBe('/reports/stage-trend?from=2026-01&to=2026-12&centre=AST-01&format=csv');
  });

  it('names the CSV after what, when and how it is grouped', () => {
    expect(csvFileName({ report: 'stages', date: '2026-12-01', groupBy: 'CENTRE' })).toBe('stages-2026-12-01-by-centre.csv');
    expect(csvFileName({ report: 'indicators', kind: 'IDEOLOGY_ASSESSMENT', date: '2026-12-01', groupBy: 'AGE_BAND', sex: 'F' }))
      .toBe('indicators-IDEOLOGY_ASSESSMENT-2026-12-01-by-age-band-F.csv');
    expect(csvFileName({ report: 'stage-trend', from: '2026-01', to: '2026-12' })).toBe('stage-trend-2026-01-to-2026-12.csv');
    expect(csvFileName({ report: 'stage-trend', from: '2026-01', to: '2026-12', centre: 'AST-01' })).toBe('stage-trend-2026-01-to-2026-12-AST-01.csv');
    // Nothing from the request can make a path or odd characters.
    expect(csvFileName({ report: 'stage-trend', from: '2026-01', to: '2026-12', centre: '../x y' })).toBe('stage-trend-2026-01-to-2026-12-x-y.csv');
  });
});

describe('months', () => {
  it('counts months inclusive and refuses reversed or malformed ranges', () => {
    expect(monthsBetween('2026-01', '2026-12')).toBe(12);
    expect(monthsBetween('2025-11', '2026-02')).toBe(4);
    expect(monthsBetween('2026-03', '2026-03')).toBe(1);
    expect(monthsBetween('2026-04', '2026-03')).toBeNull();
    expect(monthsBetween('2026-13', '2026-12')).toBeNull();
    expect(monthsBetween('2026-1', '2026-12')).toBeNull();
  });

  it('goes back whole months across years', () => {
    expect(monthOf('2026-12-02')).toBe('2026-12');
    expect(monthOf('2026-12-02', 11)).toBe('2026-01');
    expect(monthOf('2026-03-31', 3)).toBe('2025-12');
    expect(monthOf('2026-01-15', 25)).toBe('2023-12');
  });

  it('names the field that is wrong: at most 36 months, the last not before the first', () => {
    expect(trendProblem('2026-01', '2026-12')).toBeNull();
    expect(trendProblem('2024-01', '2026-12')).toBeNull();
    expect(trendProblem('2023-12', '2026-12')).toEqual({ field: 'to', message: 'reports.trend.tooLong' });
    expect(trendProblem('2026-05', '2026-04')).toEqual({ field: 'to', message: 'reports.trend.order' });
    expect(trendProblem('', '2026-04')).toEqual({ field: 'from', message: 'reports.trend.from.invalid' });
    expect(trendProblem('2026-01', '2026-00')).toEqual({ field: 'to', message: 'reports.trend.to.invalid' });
  });

  it('writes months as people do in each language', () => {
    expect(formatMonth('en', '2026-01')).toBe('2026-01');
    expect(formatMonth('ru', '2026-01')).toBe('01.2026');
    expect(formatMonth('kk', '2026-11')).toBe('11.2026');
    expect(formatMonth('kk', 'UNKNOWN')).toBe('UNKNOWN');
  });
});

describe('who sees reports and how categories read', () => {
  it('analysts, administrators and the centres\' staff; not auditors', () => {
    expect(mayReport(['ANALYST'])).toBe(true);
    expect(mayReport(['ADMIN'])).toBe(true);
    expect(mayReport(['TEACHER'])).toBe(true);
    expect(mayReport(['AUDITOR'])).toBe(false);
    expect(mayReport([])).toBe(false);
  });

  it('stages, sexes and UNKNOWN are translated; centre codes, regions, age bands and cohorts stay as they are', () => {
    expect(categoryMessage('STAGE', 'REHABILITATION')).toEqual({ id: 'stage.REHABILITATION' });
    expect(categoryMessage('SEX', 'F')).toEqual({ id: 'sex.F' });
    expect(categoryMessage('COHORT', 'UNKNOWN')).toEqual({ id: 'reports.unknown' });
    expect(categoryMessage('COHORT', '2019')).toBeNull();
    expect(categoryMessage('CENTRE', 'AST-01')).toBeNull();
    expect(columnMessage(table, 'PARTLY')).toBe('indicator.value.IDEOLOGY_ASSESSMENT.PARTLY');
    expect(columnMessage(table, 'NOT_RECORDED')).toBe('reports.notRecorded');
    expect(columnMessage({ report: 'stages' }, 'CLOSED')).toBe('stage.CLOSED');
  });

  it('every catalogue kind, value, stage, grouping and sex has words in every language', () => {
    const catalogue = {
      EDUCATION: ['PRESCHOOL', 'SCHOOL', 'VOCATIONAL', 'NONE'], ACTIVITY: ['SPORTS', 'ARTS', 'CLUBS', 'NONE'],
      EMPLOYMENT: ['EMPLOYED', 'SELF_EMPLOYED', 'IN_TRAINING', 'UNEMPLOYED', 'NOT_APPLICABLE'], HOUSING: ['OWN_OR_FAMILY', 'RENTED', 'TEMPORARY', 'NONE'],
      HEALTH_FOLLOW_UP: ['ONGOING', 'COMPLETED', 'NOT_NEEDED'], LEGAL_CASE: ['NONE', 'UNDER_INVESTIGATION', 'CHARGED', 'CONVICTED', 'ACQUITTED', 'SENTENCE_SERVED'],
      IDEOLOGY_ASSESSMENT: ['YES', 'PARTLY', 'NO'],
    };
    const keys = [
      ...Object.entries(catalogue).flatMap(([k, vs]) => [`indicator.kind.${k}`, ...vs.map((v) => `indicator.value.${k}.${v}`)]),
      ...['ADAPTATION', 'REHABILITATION', 'REINTEGRATION', 'CLOSED'].map((s) => `stage.${s}`),
      ...['CENTRE', 'REGION', 'STAGE', 'SEX', 'AGE_BAND', 'COHORT'].map((g) => `reports.grouping.${g}`),
      'sex.F', 'sex.M', 'reports.unknown', 'reports.notRecorded', 'role.ANALYST', 'nav.reports',
    ];
    for (const l of Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]) expect(keys.filter((k) => !(k in MESSAGES[l])), l).toEqual([]);
  });

  it('the note on hidden cells reads in Russian plurals and says nothing more when none is hidden', () => {
    const ru = createIntl({ locale: 'ru', messages: MESSAGES.ru });
    expect(ru.formatMessage({ id: 'reports.note.counts' }, { k: 5, primary: 1, complementary: 3 }))
      .toBe('1 ячейка меньше 5. Ещё 3 ячейки скрыты («скрыто»), чтобы скрытые числа нельзя было вычислить из итогов.');
    const en = createIntl({ locale: 'en', messages: MESSAGES.en });
    expect(en.formatMessage({ id: 'reports.note.counts' }, { k: 5, primary: 2, complementary: 0 })).toBe('2 cells are below 5. No further cell had to be hidden.');
    expect(en.formatMessage({ id: 'reports.caption' }, { what: 'People by stage', date: '2026-12-01', grouping: 'centre', sex: 'F' }))
      .toBe('People by stage on 2026-12-01, by centre, women');
  });
});

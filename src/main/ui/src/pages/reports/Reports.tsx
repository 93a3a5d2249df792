// Reports (issue 20): "what are the programme's outcome figures?" — people by stage at a date, the stage
// funnel month by month, and people by the latest value of an indicator (by cohort by default). Each shows a
// chart, the table under it (the accessible equivalent), the note on suppressed cells and a CSV download.
// The server counts, scopes (a centre's staff see their own centres) and suppresses small counts.
import { useEffect, useState } from 'react';
import { Button, Form, Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, download } from '../../api';
import { Field, SelectField, ProblemMessage, Loading, PageTitle, ErrorSummary, type SummaryError } from '../../components/ui';
import { Day } from '../../components/Day';
import { formatDay, type Locale } from '../../i18n';
import { useApp } from '../../state';
import { today } from '../../disclosure';
import {
  chartData, csvFileName, formatMonth, monthOf, reportPath, trendProblem, MAX_TREND_MONTHS, type Catalogue, type Grouping, type ReportRequest, type Sex, type Table,
} from '../../reports';
import { BarChart } from './BarChart';
import { ReportTable, SuppressionNote, useLabels } from './ReportTable';

export default function Reports() {
  const intl = useIntl();
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    api.get<Catalogue>('/reports').then((c) => live && setCatalogue(c), (e) => live && setError(e));
    return () => { live = false; };
  }, []);
  const title = intl.formatMessage({ id: 'reports.title' });
  return (
    <>
      <PageTitle text={title}>{title}</PageTitle>
      <p className="hint"><FormattedMessage id="reports.intro" /></p>
      <ProblemMessage error={error} />
      {!catalogue && !error ? <Loading /> : null}
      {catalogue ? (
        <>
          <p className="notice" data-testid="reports-scope">
            {catalogue.national ? <FormattedMessage id="reports.scope.national" />
              : <FormattedMessage id="reports.scope.centres" values={{ centres: catalogue.centres.join(', '), count: catalogue.centres.length }} />}
            {' '}<FormattedMessage id="reports.scope.threshold" values={{ k: catalogue.threshold }} />
            {catalogue.roundingBase > 1 ? <> <FormattedMessage id="reports.scope.rounding" values={{ base: catalogue.roundingBase }} /></> : null}
          </p>
          <Tabs className="tabs">
            <TabList aria-label={intl.formatMessage({ id: 'reports.tabs' })} className="tab-list">
              <Tab id="stages" className="tab"><FormattedMessage id="reports.stages.title" /></Tab>
              <Tab id="trend" className="tab"><FormattedMessage id="reports.trend.title" /></Tab>
              <Tab id="indicators" className="tab"><FormattedMessage id="reports.indicators.title" /></Tab>
            </TabList>
            <TabPanel id="stages" className="tab-panel"><StagesReport catalogue={catalogue} /></TabPanel>
            <TabPanel id="trend" className="tab-panel"><TrendReport catalogue={catalogue} /></TabPanel>
            <TabPanel id="indicators" className="tab-panel"><IndicatorsReport catalogue={catalogue} /></TabPanel>
          </Tabs>
        </>
      ) : null}
    </>
  );
}

/** A table of the API for a request (asked again whenever the request changes). */
function useTable(request: ReportRequest | null): { table: Table | null; error: unknown; loading: boolean } {
  const [table, setTable] = useState<Table | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const path = request ? reportPath(request) : null;
  useEffect(() => {
    if (!path) return;
    let live = true;
    // The figures of another choice never stand under this choice's caption while it loads.
    setTable(null);
    setLoading(true);
    setError(null);
    api.get<Table>(path).then((t) => { if (live) { setTable(t); setLoading(false); } }, (e) => { if (live) { setError(e); setTable(null); setLoading(false); } });
    return () => { live = false; };
  }, [path]);
  return { table, error, loading };
}

type SexChoice = 'ALL' | Sex;

function useSexOptions() {
  const intl = useIntl();
  return [
    { id: 'ALL', label: intl.formatMessage({ id: 'reports.sex.all' }) },
    { id: 'F', label: intl.formatMessage({ id: 'sex.F' }) },
    { id: 'M', label: intl.formatMessage({ id: 'sex.M' }) },
  ];
}

function useGroupingOptions(groupings: Grouping[]) {
  const intl = useIntl();
  return groupings.map((g) => ({ id: g, label: intl.formatMessage({ id: `reports.grouping.${g}` }) }));
}

/** A day the API takes (yyyy-MM-dd), or the message id of what is wrong. */
function dayProblem(day: string): string | null {
  if (!day.trim()) return 'reports.date.missing';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day.trim())) return 'reports.date.invalid';
  return null;
}

function StagesReport({ catalogue }: { catalogue: Catalogue }) {
  const intl = useIntl();
  const groupings = catalogue.groupings.filter((g) => g !== 'STAGE');
  const [date, setDate] = useState(today());
  const [groupBy, setGroupBy] = useState<Grouping>(groupings.includes('CENTRE') ? 'CENTRE' : groupings[0]);
  const [sex, setSex] = useState<SexChoice>('ALL');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [request, setRequest] = useState<ReportRequest>({ report: 'stages', date: today(), groupBy });
  const sexOptions = useSexOptions();
  const groupingOptions = useGroupingOptions(groupings);
  function show() {
    const p = dayProblem(date);
    setErrors(p ? [{ fieldId: 'stages-date', message: intl.formatMessage({ id: p }) }] : []);
    if (!p) setRequest({ report: 'stages', date: date.trim(), groupBy, sex: sex === 'ALL' ? null : sex });
  }
  return (
    <section aria-labelledby="stages-heading">
      <h2 id="stages-heading"><FormattedMessage id="reports.stages.title" /></h2>
      <p className="hint"><FormattedMessage id="reports.stages.intro" /></p>
      <Form className="report-filters" onSubmit={(e) => { e.preventDefault(); show(); }} validationBehavior="aria">
        <ErrorSummary errors={errors} />
        <div className="filter-row">
          <Field id="stages-date" type="date" label={<FormattedMessage id="reports.date" />} hint={<FormattedMessage id="reports.date.hint" />}
            value={date} onChange={setDate} error={errors.find((e) => e.fieldId === 'stages-date')?.message} />
          <SelectField id="stages-group" label={<FormattedMessage id="reports.groupBy" />} value={groupBy} onChange={(v) => setGroupBy(v as Grouping)} options={groupingOptions} />
          <SelectField id="stages-sex" label={<FormattedMessage id="reports.sex" />} value={sex} onChange={(v) => setSex(v as SexChoice)} options={sexOptions} />
        </div>
        <Button type="submit" className="button"><FormattedMessage id="reports.show" /></Button>
      </Form>
      <ReportView request={request} kind="stages" />
    </section>
  );
}

function TrendReport({ catalogue }: { catalogue: Catalogue }) {
  const intl = useIntl();
  const now = today();
  const [from, setFrom] = useState(monthOf(now, 11));
  const [to, setTo] = useState(monthOf(now));
  const [centre, setCentre] = useState('ALL');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [request, setRequest] = useState<ReportRequest>({ report: 'stage-trend', from: monthOf(now, 11), to: monthOf(now) });
  const centreOptions = [
    { id: 'ALL', label: intl.formatMessage({ id: catalogue.national ? 'reports.centre.all' : 'reports.centre.mine' }) },
    ...catalogue.centres.map((c) => ({ id: c, label: c })),
  ];
  function show() {
    const p = trendProblem(from.trim(), to.trim());
    setErrors(p ? [{ fieldId: `trend-${p.field}`, message: intl.formatMessage({ id: p.message }, { max: MAX_TREND_MONTHS }) }] : []);
    if (!p) setRequest({ report: 'stage-trend', from: from.trim(), to: to.trim(), centre: centre === 'ALL' ? null : centre });
  }
  const err = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <section aria-labelledby="trend-heading">
      <h2 id="trend-heading"><FormattedMessage id="reports.trend.title" /></h2>
      <p className="hint"><FormattedMessage id="reports.trend.intro" values={{ max: MAX_TREND_MONTHS }} /></p>
      <Form className="report-filters" onSubmit={(e) => { e.preventDefault(); show(); }} validationBehavior="aria">
        <ErrorSummary errors={errors} />
        <div className="filter-row">
          <SelectField id="trend-centre" label={<FormattedMessage id="reports.centre" />} value={centre} onChange={setCentre} options={centreOptions} />
          <Field id="trend-from" type="month" label={<FormattedMessage id="reports.trend.from" />} hint={<FormattedMessage id="reports.month.hint" />}
            value={from} onChange={setFrom} error={err('trend-from')} />
          <Field id="trend-to" type="month" label={<FormattedMessage id="reports.trend.to" />} hint={<FormattedMessage id="reports.month.hint" />}
            value={to} onChange={setTo} error={err('trend-to')} />
        </div>
        <Button type="submit" className="button"><FormattedMessage id="reports.show" /></Button>
      </Form>
      <ReportView request={request} kind="trend" />
    </section>
  );
}

function IndicatorsReport({ catalogue }: { catalogue: Catalogue }) {
  const intl = useIntl();
  const kinds = catalogue.indicators.map((i) => i.kind);
  const first = kinds.includes('IDEOLOGY_ASSESSMENT') ? 'IDEOLOGY_ASSESSMENT' : kinds[0] ?? '';
  const [kind, setKind] = useState(first);
  const [date, setDate] = useState(today());
  const [groupBy, setGroupBy] = useState<Grouping>(catalogue.groupings.includes('COHORT') ? 'COHORT' : catalogue.groupings[0]);
  const [sex, setSex] = useState<SexChoice>('ALL');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [request, setRequest] = useState<ReportRequest | null>(first ? { report: 'indicators', kind: first, date: today(), groupBy } : null);
  const sexOptions = useSexOptions();
  const groupingOptions = useGroupingOptions(catalogue.groupings);
  function show() {
    const p = dayProblem(date);
    setErrors(p ? [{ fieldId: 'indicators-date', message: intl.formatMessage({ id: p }) }] : []);
    if (!p && kind) setRequest({ report: 'indicators', kind, date: date.trim(), groupBy, sex: sex === 'ALL' ? null : sex });
  }
  return (
    <section aria-labelledby="indicators-heading">
      <h2 id="indicators-heading"><FormattedMessage id="reports.indicators.title" /></h2>
      <p className="hint"><FormattedMessage id="reports.indicators.intro" /></p>
      <Form className="report-filters" onSubmit={(e) => { e.preventDefault(); show(); }} validationBehavior="aria">
        <ErrorSummary errors={errors} />
        <div className="filter-row">
          <SelectField id="indicators-kind" label={<FormattedMessage id="reports.indicator" />} value={kind} onChange={setKind}
            options={kinds.map((k) => ({ id: k, label: intl.formatMessage({ id: `indicator.kind.${k}` }) }))} />
          <Field id="indicators-date" type="date" label={<FormattedMessage id="reports.date" />} hint={<FormattedMessage id="reports.date.hint" />}
            value={date} onChange={setDate} error={errors.find((e) => e.fieldId === 'indicators-date')?.message} />
          <SelectField id="indicators-group" label={<FormattedMessage id="reports.groupBy" />} value={groupBy} onChange={(v) => setGroupBy(v as Grouping)} options={groupingOptions} />
          <SelectField id="indicators-sex" label={<FormattedMessage id="reports.sex" />} value={sex} onChange={(v) => setSex(v as SexChoice)} options={sexOptions} />
        </div>
        <Button type="submit" className="button"><FormattedMessage id="reports.show" /></Button>
      </Form>
      {request ? <ReportView request={request} kind="indicators" /> : null}
    </section>
  );
}

/** What a table shows in words (the chart's name and the table's caption). */
function useCaption(): (r: ReportRequest) => string {
  const intl = useIntl();
  const { locale } = useApp();
  return (r) => {
    if (r.report === 'stage-trend') {
      return intl.formatMessage({ id: 'reports.trend.caption' }, {
        from: formatMonth(locale, r.from), to: formatMonth(locale, r.to),
        centre: r.centre ?? intl.formatMessage({ id: 'reports.centre.every' }),
      });
    }
    const what = r.report === 'stages' ? intl.formatMessage({ id: 'reports.stages.title' }) : intl.formatMessage({ id: `indicator.kind.${r.kind}` });
    return intl.formatMessage({ id: 'reports.caption' }, {
      what, date: formatDay(locale as Locale, r.date), grouping: intl.formatMessage({ id: `reports.grouping.${r.groupBy}` }).toLocaleLowerCase(locale),
      sex: r.sex ?? 'ALL',
    });
  };
}

function ReportView({ request, kind }: { request: ReportRequest; kind: 'stages' | 'trend' | 'indicators' }) {
  const { table, error, loading } = useTable(request);
  const caption = useCaption()(request);
  const labels = useLabels();
  return (
    <div className="report" data-testid={`report-${kind}`} aria-busy={loading}>
      <ProblemMessage error={error} />
      {loading && !table ? <Loading /> : null}
      {table && !error ? (
        <>
          {table.rows.length === 0 ? <p className="empty"><FormattedMessage id="reports.empty" /></p> : (
            <BarChart title={caption} data={chartData(table)} testId={`chart-${kind}`}
              categories={table.rows.map((r) => labels.category(table, r.category))}
              seriesLabels={table.columns.map((c) => labels.column(table, c))}
              orientation={kind === 'trend' ? 'vertical' : 'horizontal'} />
          )}
          <ReportTable table={table} caption={caption} testId={`table-${kind}`} />
          <SuppressionNote table={table} />
          <CsvDownload request={request} />
          {table.date ? <p className="hint"><FormattedMessage id="reports.asOf" values={{ date: <Day value={table.date} /> }} /></p> : null}
        </>
      ) : null}
    </div>
  );
}

function CsvDownload({ request }: { request: ReportRequest }) {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function save() {
    const file = csvFileName(request);
    setBusy(true);
    setSaved(null);
    setError(null);
    try {
      await download(reportPath(request, true), file);
      setSaved(file);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <div className="button-row">
        <Button className="button secondary" isDisabled={busy} onPress={() => void save()}><FormattedMessage id="reports.csv" /></Button>
        <span role="status" aria-live="polite" className="hint">{saved ? <FormattedMessage id="reports.csv.saved" values={{ file: saved }} /> : null}</span>
      </div>
      <ProblemMessage error={error} />
    </>
  );
}

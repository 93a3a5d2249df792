// The table under each chart (its accessible equivalent): a row per category, a column per stage or value,
// totals where the API gives them; a suppressed cell reads "<5" (below the threshold) or "hidden" (hidden so
// the others cannot be worked out from totals), never a number; the note says how many and why.
import { FormattedMessage, useIntl } from 'react-intl';
import { useApp } from '../../state';
import { categoryMessage, columnMessage, formatMonth, type Cell, type Table } from '../../reports';

/** Row and column labels of a table in the reader's words. */
export function useLabels() {
  const intl = useIntl();
  const { locale } = useApp();
  return {
    category: (t: Table, category: string): string => {
      if (t.report === 'stage-trend') return formatMonth(locale, category);
      const m = categoryMessage(t.groupBy, category);
      return m ? intl.formatMessage({ id: m.id, defaultMessage: category }) : category;
    },
    column: (t: Table, column: string): string => intl.formatMessage({ id: columnMessage(t, column), defaultMessage: column }),
  };
}

export function CellText({ cell, threshold }: { cell: Cell | undefined; threshold: number }) {
  const intl = useIntl();
  if (!cell) return <>—</>;
  if (cell.suppressed === 'PRIMARY') {
    return <span className="suppressed" data-suppressed="PRIMARY" title={intl.formatMessage({ id: 'reports.cell.primary.title' }, { k: threshold })}>
      <FormattedMessage id="reports.cell.primary" values={{ k: threshold }} /></span>;
  }
  if (cell.suppressed) {
    return <span className="suppressed" data-suppressed="COMPLEMENTARY" title={intl.formatMessage({ id: 'reports.cell.complementary.title' })}>
      <FormattedMessage id="reports.cell.complementary" /></span>;
  }
  return <>{typeof cell.value === 'number' ? intl.formatNumber(cell.value) : '—'}</>;
}

export function ReportTable({ table, caption, testId }: { table: Table; caption: string; testId: string }) {
  const labels = useLabels();
  const withTotals = table.rows.some((r) => r.total);
  const foot = table.columnTotals && table.columnTotals.length > 0;
  const rowHead = table.report === 'stage-trend' ? 'reports.month' : `reports.grouping.${table.groupBy ?? 'CENTRE'}`;
  return (
    <div className="table-scroll">
      <table className="table report-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col"><FormattedMessage id={rowHead} /></th>
            {table.columns.map((c) => <th key={c} scope="col" className="num">{labels.column(table, c)}</th>)}
            {withTotals ? <th scope="col" className="num"><FormattedMessage id="reports.total" /></th> : null}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr><td colSpan={table.columns.length + (withTotals ? 2 : 1)}><FormattedMessage id="reports.empty" /></td></tr>
          ) : table.rows.map((r, i) => (
            <tr key={`${r.category}-${i}`} data-category={r.category}>
              <th scope="row">{labels.category(table, r.category)}</th>
              {table.columns.map((c, j) => <td key={c} className="num"><CellText cell={r.cells[j]} threshold={table.threshold} /></td>)}
              {withTotals ? <td className="num"><CellText cell={r.total} threshold={table.threshold} /></td> : null}
            </tr>
          ))}
        </tbody>
        {foot ? (
          <tfoot>
            <tr>
              <th scope="row"><FormattedMessage id="reports.total" /></th>
              {table.columns.map((c, j) => <td key={c} className="num"><CellText cell={table.columnTotals?.[j]} threshold={table.threshold} /></td>)}
              {withTotals ? <td className="num"><CellText cell={table.total} threshold={table.threshold} /></td> : null}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** How many cells are hidden and why; the rounding when the figures are rounded. */
export function SuppressionNote({ table }: { table: Table }) {
  const primary = table.suppressed?.primary ?? 0;
  const complementary = table.suppressed?.complementary ?? 0;
  return (
    <div className="suppression-note" data-testid="suppression-note">
      <p>
        <FormattedMessage id="reports.note.rule" values={{ k: table.threshold }} />{' '}
        {primary + complementary === 0 ? <FormattedMessage id="reports.note.none" />
          : <FormattedMessage id="reports.note.counts" values={{ k: table.threshold, primary, complementary }} />}
      </p>
      {table.roundingBase > 1 ? <p><FormattedMessage id="reports.note.rounding" values={{ base: table.roundingBase }} /></p> : null}
    </div>
  );
}

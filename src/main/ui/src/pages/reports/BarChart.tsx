// A stacked bar chart drawn by React as SVG with attributes and classes only (the strict CSP allows no inline
// styles; no chart library). One colour per column; a suppressed cell has no length (its size is not known),
// so it is drawn as a hatched marker after its bar, never as a bar or a number. The SVG is an image with a
// name and a description; the table under it is the accessible equivalent.
import { useId, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { niceScale, stackMax, stackRow, NOT_RECORDED, type ChartData } from '../../reports';

export interface ChartProps {
  /** The accessible name (what the chart shows, with its filters). */
  title: string;
  data: ChartData;
  /** Category labels (rows), already in the reader's words. */
  categories: string[];
  /** Series labels (columns), already in the reader's words. */
  seriesLabels: string[];
  /** Rows as horizontal bars (categories) or as columns (months). */
  orientation?: 'horizontal' | 'vertical';
  testId?: string;
}

/** The colour class of a column: one per position, grey for "not recorded". */
export function seriesClass(key: string, i: number): string {
  return key === NOT_RECORDED ? 'series-none' : `series-${i % 8}`;
}

const W = 720;
const MARK = 9;

export function BarChart({ title, data, categories, seriesLabels, orientation = 'horizontal', testId }: ChartProps) {
  const intl = useIntl();
  const id = useId();
  const hatch = `${id}-hatch`;
  const { top, step } = niceScale(stackMax(data));
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  const maxHidden = Math.max(0, ...categories.map((_, r) => data.series.filter((s) => s.values[r] === null).length));
  const desc = intl.formatMessage({ id: 'reports.chart.desc' }, { hidden: data.hidden });

  const defs = (
    <defs>
      <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
      </pattern>
    </defs>
  );

  let body: ReactNode;
  let height: number;
  if (orientation === 'horizontal') {
    const label = 150;
    const row = 26;
    const axis = 22;
    const markArea = maxHidden ? maxHidden * (MARK + 3) + 10 : 0;
    const len = W - label - 16 - markArea;
    const x = (v: number) => label + (len * v) / top;
    height = categories.length * row + axis + 6;
    body = (
      <>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} y1={axis - 4} x2={x(t)} y2={height - 4} className="grid" />
            <text x={x(t)} y={axis - 8} textAnchor="middle" className="tick">{intl.formatNumber(t)}</text>
          </g>
        ))}
        {categories.map((c, r) => {
          const y = axis + r * row;
          const segs = stackRow(data, r);
          let markAt = x(segs.reduce((n, s) => (s.hidden ? n : Math.max(n, s.start + s.value)), 0)) + 6;
          return (
            <g key={`${c}-${r}`}>
              <text x={label - 6} y={y + row / 2 + 4} textAnchor="end" className="tick">{clip(c, 22)}</text>
              {segs.map((s) => {
                if (s.hidden) {
                  const at = markAt;
                  markAt += MARK + 3;
                  return <rect key={s.key} x={at} y={y + 5} width={MARK} height={row - 10} fill={`url(#${hatch})`} className={`hidden-mark mark-${seriesClass(s.key, s.series)}`} />;
                }
                return <rect key={s.key} x={x(s.start)} y={y + 4} width={Math.max(0.5, x(s.start + s.value) - x(s.start))} height={row - 8} className={seriesClass(s.key, s.series)} />;
              })}
            </g>
          );
        })}
      </>
    );
  } else {
    const left = 40;
    const bottom = 26;
    const markArea = maxHidden ? maxHidden * (MARK + 3) + 6 : 0;
    height = 260 + markArea;
    const plotTop = 8 + markArea;
    const len = height - bottom - plotTop;
    const y = (v: number) => height - bottom - (len * v) / top;
    const slot = (W - left - 8) / Math.max(1, categories.length);
    const bw = Math.max(4, Math.min(48, slot - 4));
    const every = Math.ceil(categories.length / 12);
    body = (
      <>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} y1={y(t)} x2={W - 4} y2={y(t)} className="grid" />
            <text x={left - 4} y={y(t) + 4} textAnchor="end" className="tick">{intl.formatNumber(t)}</text>
          </g>
        ))}
        {categories.map((c, r) => {
          const x = left + 4 + r * slot + (slot - bw) / 2;
          const segs = stackRow(data, r);
          let markAt = y(segs.reduce((n, s) => (s.hidden ? n : Math.max(n, s.start + s.value)), 0)) - 4;
          return (
            <g key={`${c}-${r}`}>
              {segs.map((s) => {
                if (s.hidden) {
                  markAt -= MARK + 3;
                  return <rect key={s.key} x={x + (bw - MARK) / 2} y={markAt + 3} width={MARK} height={MARK} fill={`url(#${hatch})`} className={`hidden-mark mark-${seriesClass(s.key, s.series)}`} />;
                }
                return <rect key={s.key} x={x} y={y(s.start + s.value)} width={bw} height={Math.max(0.5, y(s.start) - y(s.start + s.value))} className={seriesClass(s.key, s.series)} />;
              })}
              {r % every === 0 ? <text x={x + bw / 2} y={height - bottom + 14} textAnchor="middle" className="tick">{c}</text> : null}
            </g>
          );
        })}
        <line x1={left} y1={height - bottom} x2={W - 4} y2={height - bottom} className="axis" />
      </>
    );
  }

  return (
    <figure className="chart report-chart" data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`} className="chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {defs}
        {body}
      </svg>
      <ul className="legend chart-legend">
        {data.series.map((s, i) => (
          <li key={s.key}><span className={`key ${seriesClass(s.key, i)}`} aria-hidden="true" /> {seriesLabels[i]}</li>
        ))}
        {data.hidden > 0 ? (
          <li data-testid="legend-hidden"><span className="key key-hidden" aria-hidden="true" /> <FormattedMessage id="reports.legend.hidden" /></li>
        ) : null}
      </ul>
    </figure>
  );
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

// Who touched this file / what did this user touch: a chart of accesses per day by outcome (SVG built
// by React with presentation attributes and classes only; the strict CSP allows no inline styles),
// totals by action, and the list below; denied and break-glass accesses stand out.
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-aria-components';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, type AuditEntry, type AuditSummary, type Page } from '../../api';
import { ProblemMessage, Loading, Empty, PageTitle } from '../../components/ui';
import { OutcomeBadge, TargetLink, When, userHref } from './common';

const LAST = 500;

export default function Timeline({ kind, id }: { kind: 'user' | 'subject' | 'document'; id: string }) {
  const intl = useIntl();
  const [summary, setSummary] = useState<AuditSummary | null>(null);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setSummary(null);
    setEntries(null);
    setError(null);
    const path = kind === 'user' ? `/audit/summary/users/${encodeURIComponent(id)}` : `/audit/summary/subjects/${encodeURIComponent(id)}`;
    const filter = `${kind}=${encodeURIComponent(id)}`;
    (async () => {
      // The API summarises users and subjects; a document's summary is counted here from its entries.
      const s = kind === 'document' ? null : await api.get<AuditSummary>(path);
      // The most recent entries (the log is ordered by sequence): count first, then the last page.
      const head = await api.get<Page<AuditEntry>>(`/audit/entries?${filter}&offset=0&limit=1`);
      const offset = Math.max(0, head.total - LAST);
      const p = await api.get<Page<AuditEntry>>(`/audit/entries?${filter}&offset=${offset}&limit=${LAST}`);
      if (!live) return;
      setSummary(s ?? summarise(p.items, p.total));
      setTotal(p.total);
      setEntries([...p.items].reverse());
    })().catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [kind, id]);

  const title = intl.formatMessage({ id: `timeline.${kind}.title` }, { id: kind === 'user' ? id : id.slice(0, 8) });
  return (
    <>
      <PageTitle text={title}>{title}</PageTitle>
      <p><Link href={`/audit/log?${kind}=${encodeURIComponent(id)}`}><FormattedMessage id="timeline.inLog" /></Link></p>
      <ProblemMessage error={error} />
      {!summary && !error ? <Loading /> : null}
      {summary && entries ? (
        <>
          <p className="count" data-testid="timeline-count"><FormattedMessage id="timeline.summary" values={{
            count: summary.entries,
            denied: (summary.byOutcome.DENIED ?? 0) + (summary.byOutcome.FAILED ?? 0),
            breakGlass: entries.filter((e) => e.breakGlass).length,
          }} /></p>
          {summary.entries === 0 ? <Empty><FormattedMessage id="timeline.empty" /></Empty> : (
            <>
              <section aria-labelledby="chart-title" className="card">
                <h2 id="chart-title"><FormattedMessage id="timeline.chart.title" /></h2>
                <DayChart entries={entries} />
                {total > LAST ? <p className="hint"><FormattedMessage id="timeline.chart.latest" values={{ count: LAST }} /></p> : null}
              </section>
              <section aria-labelledby="actions-title" className="card">
                <h2 id="actions-title"><FormattedMessage id="timeline.actions.title" /></h2>
                <ActionBars byAction={summary.byAction} />
                {Object.keys(summary.byCounterpart).length ? (
                  <>
                    <h3><FormattedMessage id={kind === 'user' ? 'timeline.counterparts.subjects' : 'timeline.counterparts.users'} /></h3>
                    <ul className="counterparts">
                      {Object.entries(summary.byCounterpart).map(([k, n]) => (
                        <li key={k}>{kind !== 'user' ? <Link href={userHref(k.replace(/ \([A-Z_]+\)$/, ''))}>{k}</Link> : <span className="mono">{k}</span>}: {intl.formatNumber(n)}</li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </section>
              <section aria-labelledby="list-title">
                <h2 id="list-title"><FormattedMessage id="timeline.list.title" /></h2>
                <ol className="access-list" data-testid="timeline-list">
                  {entries.map((e) => (
                    <li key={e.sequence} className={e.outcome !== 'ALLOWED' ? 'denied' : e.breakGlass ? 'glass' : undefined}>
                      <When value={e.occurredAt} /> · <span className="mono">{e.action}</span> ·{' '}
                      {kind !== 'user' ? <Link href={userHref(e.userId)}>{e.userId}</Link> : <TargetLink entry={e} />}
                      {e.purpose ? <> · {e.purpose}</> : null} <OutcomeBadge entry={e} />
                    </li>
                  ))}
                </ol>
              </section>
            </>
          )}
        </>
      ) : null}
    </>
  );
}

function summarise(items: AuditEntry[], total: number): AuditSummary {
  const count = (f: (e: AuditEntry) => string) => items.reduce<Record<string, number>>((m, e) => ({ ...m, [f(e)]: (m[f(e)] ?? 0) + 1 }), {});
  return {
    key: '', entries: total, first: items[0]?.occurredAt, last: items[items.length - 1]?.occurredAt,
    byAction: count((e) => e.action), byOutcome: count((e) => e.outcome), byCounterpart: count((e) => `${e.userId} (${e.role ?? '—'})`), recent: [],
  };
}

interface Day { day: string; allowed: number; denied: number; glass: number }

/** Accesses per day, stacked: allowed, break-glass, denied or failed. */
function DayChart({ entries }: { entries: AuditEntry[] }) {
  const intl = useIntl();
  const days = useMemo<Day[]>(() => {
    const m = new Map<string, Day>();
    [...entries].reverse().forEach((e) => {
      const day = e.occurredAt.slice(0, 10);
      const d = m.get(day) ?? { day, allowed: 0, denied: 0, glass: 0 };
      if (e.outcome !== 'ALLOWED') d.denied++;
      else if (e.breakGlass) d.glass++;
      else d.allowed++;
      m.set(day, d);
    });
    return [...m.values()].slice(-30);
  }, [entries]);
  const max = Math.max(1, ...days.map((d) => d.allowed + d.denied + d.glass));
  const W = 720;
  const H = 220;
  const pad = 30;
  const bw = Math.min(60, (W - pad * 2) / days.length - 6);
  const y = (n: number) => ((H - pad * 2) * n) / max;
  const desc = days.map((d) => intl.formatMessage({ id: 'timeline.chart.day' }, { day: d.day, allowed: d.allowed, glass: d.glass, denied: d.denied })).join('; ');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-svg-title chart-svg-desc" className="chart-svg" data-testid="timeline-chart">
        <title id="chart-svg-title">{intl.formatMessage({ id: 'timeline.chart.title' })}</title>
        <desc id="chart-svg-desc">{desc}</desc>
        <line x1={pad} y1={H - pad} x2={W - pad / 2} y2={H - pad} className="axis" />
        <text x={4} y={pad} className="tick">{max}</text>
        <text x={4} y={H - pad} className="tick">0</text>
        {days.map((d, i) => {
          const x = pad + 6 + i * (bw + 6);
          let top = H - pad;
          const seg = (n: number, cls: string) => {
            if (!n) return null;
            top -= y(n);
            return <rect key={cls} x={x} y={top} width={bw} height={y(n)} className={cls} />;
          };
          return (
            <g key={d.day}>
              {seg(d.allowed, 'bar-allowed')}
              {seg(d.glass, 'bar-glass')}
              {seg(d.denied, 'bar-denied')}
              <text x={x + bw / 2} y={H - pad + 14} textAnchor="middle" className="tick">{d.day.slice(5)}</text>
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        <span className="key key-allowed" aria-hidden="true" /> <FormattedMessage id="timeline.legend.allowed" />{' '}
        <span className="key key-glass" aria-hidden="true" /> <FormattedMessage id="timeline.legend.glass" />{' '}
        <span className="key key-denied" aria-hidden="true" /> <FormattedMessage id="timeline.legend.denied" />
      </figcaption>
    </figure>
  );
}

function ActionBars({ byAction }: { byAction: Record<string, number> }) {
  const intl = useIntl();
  const rows = Object.entries(byAction).sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...rows.map((r) => r[1]));
  const W = 720;
  const row = 24;
  const label = 220;
  return (
    <svg viewBox={`0 0 ${W} ${rows.length * row + 4}`} role="img" className="chart-svg" aria-label={rows.map(([a, n]) => `${a}: ${n}`).join(', ')}>
      {rows.map(([a, n], i) => (
        <g key={a}>
          <text x={0} y={i * row + 16} className="tick">{a}</text>
          <rect x={label} y={i * row + 4} width={((W - label - 60) * n) / max} height={row - 8} className="bar-allowed" />
          <text x={label + ((W - label - 60) * n) / max + 6} y={i * row + 16} className="tick">{intl.formatNumber(n)}</text>
        </g>
      ))}
    </svg>
  );
}

import { useState } from 'react';
import { Button, Form, Link } from 'react-aria-components';
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import { api, type Page, type SearchHit } from '../api';
import { Field, ProblemMessage, Loading, Empty, PageTitle, ErrorSummary, shortId, type SummaryError } from '../components/ui';
import { Pager } from './Subjects';

const PAGE = 20;

export default function Search() {
  const intl = useIntl();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page<SearchHit> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<SummaryError[]>([]);

  async function run(query: string, at: number) {
    setBusy(true);
    setError(null);
    try {
      // The query travels in the body, never in the URL.
      setPage(await api.post<Page<SearchHit>>(`/search?offset=${at}&limit=${PAGE}`, { q: query }));
      setAsked(query);
      setOffset(at);
    } catch (e) {
      setError(e);
      setPage(null);
    } finally {
      setBusy(false);
    }
  }

  const title = intl.formatMessage({ id: 'search.title' });
  return (
    <>
      <PageTitle text={title}>{title}</PageTitle>
      <ErrorSummary errors={errors} />
      <Form className="inline-form" role="search" onSubmit={(e) => {
        e.preventDefault();
        if (!q.trim()) {
          setErrors([{ fieldId: 'search-q', message: intl.formatMessage({ id: 'search.error.empty' }) }]);
          return;
        }
        setErrors([]);
        void run(q.trim(), 0);
      }}>
        <Field id="search-q" label={<FormattedMessage id="search.label" />} value={q} onChange={setQ} error={errors[0]?.message} hint={<FormattedMessage id="search.hint" />} />
        <Button type="submit" className="button" isDisabled={busy}><FormattedMessage id="search.button" /></Button>
      </Form>
      <details className="help">
        <summary><FormattedMessage id="search.help.title" /></summary>
        <ul>
          <li><FormattedMessage id="search.help.and" /></li>
          <li><FormattedMessage id="search.help.or" /></li>
          <li><FormattedMessage id="search.help.not" /></li>
          <li><FormattedMessage id="search.help.scope" /></li>
        </ul>
      </details>
      {busy ? <Loading /> : null}
      <ProblemMessage error={error} />
      {page && page.items.length === 0 ? <Empty><FormattedMessage id="search.none" /></Empty> : null}
      {page && page.items.length > 0 ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title"><FormattedMessage id="search.results" values={{ count: page.total }} /></h2>
          <table className="table" data-testid="search-results">
            <thead><tr>
              <th scope="col"><FormattedMessage id="document.title" /></th>
              <th scope="col"><FormattedMessage id="document.type" /></th>
              <th scope="col"><FormattedMessage id="subject.person" /></th>
              <th scope="col"><FormattedMessage id="search.rank" /></th>
            </tr></thead>
            <tbody>
              {page.items.map((h) => (
                <tr key={h.versionId}>
                  <td><Link href={`/documents/${h.documentId}`}>{h.title}</Link></td>
                  <td><FormattedMessage id={`doctype.${h.type}`} /></td>
                  <td><Link href={`/subjects/${h.subjectId}`}><FormattedMessage id="subject.anonymous" values={{ id: shortId(h.subjectId) }} /></Link></td>
                  <td><FormattedNumber value={h.score} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager offset={offset} total={page.total} size={PAGE} onChange={(o) => asked && void run(asked, o)} />
        </section>
      ) : null}
    </>
  );
}

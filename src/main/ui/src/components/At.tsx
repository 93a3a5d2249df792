import { useIntl } from 'react-intl';
import { useApp } from '../state';
import { formatDay } from '../i18n';

/** A moment as staff read it: the day in the reader's language (02.12.2026 / 2026-12-02) and the local time. */
export function At({ value }: { value?: string | null }) {
  const intl = useIntl();
  const { locale } = useApp();
  if (!value) return <>—</>;
  return <time dateTime={value}>{formatDay(locale, value)} {intl.formatTime(value, { hour: '2-digit', minute: '2-digit' })}</time>;
}

import { useApp } from '../state';
import { formatDay } from '../i18n';

/** A calendar day in the reader's language (see formatDay). */
export function Day({ value }: { value: string | number | Date }) {
  const { locale } = useApp();
  return <time dateTime={typeof value === 'string' ? value : new Date(value).toISOString()}>{formatDay(locale, value)}</time>;
}

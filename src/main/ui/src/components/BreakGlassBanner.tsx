import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { Link } from 'react-aria-components';
import { useApp } from '../state';

/** While a break-glass session lasts: a banner on every page with the time left. */
export function BreakGlassBanner() {
  const { breakGlass } = useApp();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!breakGlass.length) return;
    const t = window.setInterval(() => setNow(Date.now()), 15000);
    return () => window.clearInterval(t);
  }, [breakGlass.length]);
  const live = breakGlass.filter((b) => Date.parse(b.expiresAt) > now);
  if (!live.length) return null;
  return (
    <div className="banner break-glass" role="status">
      {live.map((b) => (
        <p key={b.documentId}>
          <FormattedMessage id="breakglass.banner" values={{
            minutes: Math.max(1, Math.ceil((Date.parse(b.expiresAt) - now) / 60000)),
            title: <Link href={`/documents/${b.documentId}`}>{b.title}</Link>,
          }} />
        </p>
      ))}
    </div>
  );
}

import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { IntlProvider, FormattedMessage, useIntl } from 'react-intl';
import { RouterProvider, Link, Button } from 'react-aria-components';
import type { UiConfig } from './config';
import { LOCALES, MESSAGES, initialLocale, rememberLocale, type Locale } from './i18n';
import { AppContext, type AppState, type BreakGlassOpen } from './state';
import { currentSession, setSession, subscribe, renewToken, type Session, type SignOutReason } from './auth/session';
import { IdleTimer, ACTIVITY_EVENTS } from './auth/idle';
import { match, navigate, usePath } from './router';
import { SignIn } from './pages/SignIn';
import { SelectField, Loading } from './components/ui';
import { api, type Me } from './api';
import { mayReport } from './reports';
import { BreakGlassBanner } from './components/BreakGlassBanner';

// Pages after sign-in load on demand: the JavaScript before sign-in stays small.
const Subjects = lazy(() => import('./pages/Subjects'));
const Register = lazy(() => import('./pages/Register'));
const SubjectPage = lazy(() => import('./pages/SubjectPage'));
const DocumentPage = lazy(() => import('./pages/DocumentPage'));
const Shares = lazy(() => import('./pages/Shares'));
const Search = lazy(() => import('./pages/Search'));
const AccessLog = lazy(() => import('./pages/audit/AccessLog'));
const BreakGlassReview = lazy(() => import('./pages/audit/BreakGlassReview'));
const Verification = lazy(() => import('./pages/audit/Verification'));
const Timeline = lazy(() => import('./pages/audit/Timeline'));
const AdminStatus = lazy(() => import('./pages/admin/Admin').then((m) => ({ default: m.AdminStatus })));
const AdminKeys = lazy(() => import('./pages/admin/Admin').then((m) => ({ default: m.AdminKeys })));
const AdminSearch = lazy(() => import('./pages/admin/Admin').then((m) => ({ default: m.AdminSearch })));
const Disposition = lazy(() => import('./pages/records/Disposition'));
const Disclose = lazy(() => import('./pages/disclosure/Disclose'));
const Reports = lazy(() => import('./pages/reports/Reports'));
const AdminBlindIndex = lazy(() => import('./pages/admin/Admin').then((m) => ({ default: m.AdminBlindIndex })));

/** Staff roles (those that work with records); auditors and administrators get their own pages. */
const STAFF = ['LAWYER', 'PSYCHOLOGIST', 'PSYCHIATRIST', 'DOCTOR', 'SOCIAL_WORKER', 'TEACHER', 'THEOLOGIAN', 'NGO_PARTNER'];
const isStaff = (s: Session) => s.roles.some((r) => STAFF.includes(r));
/** Roles that see the disposition queue in the navigation (the default schedule's proposers, approvers, auditors). */
const RECORDS_ROLES = ['ADMIN', 'LAWYER', 'AUDITOR'];
const isAuditor = (s: Session) => s.roles.includes('AUDITOR');
const isAdmin = (s: Session) => s.roles.includes('ADMIN');
/** The ministry's analyst sees figures only: never a person, a document or the log. */
const isAnalyst = (s: Session) => s.roles.includes('ANALYST');
/** Does the session work with people's records (the People, Search and Shared pages)? */
const worksWithRecords = (s: Session) => isStaff(s) || (!isAuditor(s) && !isAdmin(s) && !isAnalyst(s));

declare global {
  interface Window {
    __zhusanMissingMessages?: string[];
  }
}

export function App({ config }: { config: UiConfig }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale());
  const setLocale = useCallback((l: Locale) => {
    rememberLocale(l);
    setLocaleState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const onError = useCallback((err: { code?: string; message?: string }) => {
    // Missing translations are recorded so the browser tests fail on any untranslated key.
    (window.__zhusanMissingMessages ??= []).push(`${err.code}: ${err.message}`);
  }, []);
  return (
    <IntlProvider locale={locale} messages={MESSAGES[locale]} defaultLocale="en" onError={onError}>
      <Shell config={config} locale={locale} setLocale={setLocale} />
    </IntlProvider>
  );
}

function Shell({ config, locale, setLocale }: { config: UiConfig; locale: Locale; setLocale: (l: Locale) => void }) {
  const [session, setSessionState] = useState<Session | null>(currentSession());
  const [reason, setReason] = useState<SignOutReason | undefined>();
  const [breakGlass, setBreakGlass] = useState<BreakGlassOpen[]>([]);
  const [restoring, setRestoring] = useState<boolean>(!!config.authority);
  const path = usePath();
  const route = match(path);

  useEffect(() => subscribe((s, r) => {
    setSessionState(s);
    if (!s) {
      setReason(r);
      setBreakGlass([]);
    }
  }), []);

  // OIDC: complete a sign-in on /auth/callback, or renew silently after a reload.
  useEffect(() => {
    if (!config.authority) return;
    let cancelled = false;
    (async () => {
      const oidc = await import('./auth/oidc');
      try {
        let user = null;
        let returnTo = '/';
        if (route.name === 'callback') {
          const done = await oidc.completeSignIn(config);
          user = done.user;
          returnTo = done.returnTo;
        } else {
          user = await oidc.trySilent(config);
        }
        if (user && !cancelled) {
          await startSession(user.access_token, 'oidc');
          if (route.name === 'callback') navigate(returnTo, { replace: true });
        }
        await oidc.onRenewed(config, (u) => renewToken(u.access_token));
      } catch {
        /* stay signed out; the sign-in page explains */
      } finally {
        if (!cancelled) setRestoring(false);
      }
    })();
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [config]);

  const signOut = useCallback(() => {
    const kind = currentSession()?.kind;
    setSession(null, 'signed-out');
    if (kind === 'oidc' && config.authority) import('./auth/oidc').then((o) => o.signOutAtProvider(config));
  }, [config]);

  // Automatic sign-out after the configured idle time.
  const idle = useRef<IdleTimer | null>(null);
  useEffect(() => {
    if (!session) return;
    const timer = new IdleTimer(config.idleTimeoutSeconds * 1000, () => setSession(null, 'idle'));
    idle.current = timer;
    const onActivity = () => timer.activity();
    ACTIVITY_EVENTS.forEach((e) => window.addEventListener(e, onActivity, { passive: true }));
    return () => {
      timer.stop();
      ACTIVITY_EVENTS.forEach((e) => window.removeEventListener(e, onActivity));
    };
  }, [session, config.idleTimeoutSeconds]);

  const app: AppState = useMemo(() => ({
    config, locale, setLocale, breakGlass, signOut,
    addBreakGlass: (b) => setBreakGlass((all) => [...all.filter((x) => x.documentId !== b.documentId), b]),
  }), [config, locale, setLocale, breakGlass, signOut]);

  return (
    <AppContext.Provider value={app}>
      <RouterProvider navigate={(to) => navigate(String(to))}>
        <a className="skip-link" href="#main"><FormattedMessage id="nav.skip" /></a>
        <Header session={session} />
        {session ? <BreakGlassBanner /> : null}
        <main id="main">
          {restoring ? <Loading /> : !session ? <SignIn reason={reason} /> : (
            <Suspense fallback={<Loading />}>
              <Page route={route} session={session} />
            </Suspense>
          )}
        </main>
      </RouterProvider>
    </AppContext.Provider>
  );
}

/** Starts a session from a bearer token: who the vault says we are comes from GET /api/me. */
export async function startSession(token: string, kind: 'oidc' | 'dev'): Promise<void> {
  setSession({ token, kind, user: '', roles: [], centres: [] });
  const me = await api.get<Me>('/me');
  setSession({ token, kind, user: me.user, roles: me.roles, centres: me.centres });
}

function Page({ route, session }: { route: ReturnType<typeof match>; session: Session }) {
  switch (route.name) {
    case 'subjects':
      // Auditors and administrators never see records: their home is the log or the status page.
      if (!isStaff(session) && isAuditor(session)) return <AccessLog />;
      if (!isStaff(session) && isAdmin(session)) return <AdminStatus />;
      // The analyst's home is the Reports page.
      if (!worksWithRecords(session)) return mayReport(session.roles) ? <Reports /> : <NotFound />;
      return <Subjects session={session} />;
    case 'audit-log': return isAuditor(session) ? <AccessLog /> : <NotFound />;
    case 'audit-user': return isAuditor(session) ? <Timeline key={`u${route.id}`} kind="user" id={route.id} /> : <NotFound />;
    case 'audit-subject': return isAuditor(session) ? <Timeline key={`s${route.id}`} kind="subject" id={route.id} /> : <NotFound />;
    case 'audit-document': return isAuditor(session) ? <Timeline key={`d${route.id}`} kind="document" id={route.id} /> : <NotFound />;
    case 'audit-break-glass': return isAuditor(session) ? <BreakGlassReview /> : <NotFound />;
    case 'audit-verify': return isAuditor(session) || isAdmin(session) ? <Verification /> : <NotFound />;
    case 'admin-status': return isAdmin(session) ? <AdminStatus /> : <NotFound />;
    case 'admin-keys': return isAdmin(session) ? <AdminKeys /> : <NotFound />;
    case 'admin-search': return isAdmin(session) ? <AdminSearch /> : <NotFound />;
    case 'admin-blind-index': return isAdmin(session) ? <AdminBlindIndex /> : <NotFound />;
    case 'reports': return mayReport(session.roles) ? <Reports /> : <NotFound />;
    case 'disposition': return onlyFigures(session) ? <NotFound /> : <Disposition session={session} />;
    case 'register': return onlyFigures(session) ? <NotFound /> : <Register session={session} />;
    case 'subject': return onlyFigures(session) ? <NotFound /> : <SubjectPage id={route.id} session={session} />;
    case 'disclose': return onlyFigures(session) ? <NotFound /> : <Disclose key={route.id} id={route.id} session={session} />;
    case 'document': return onlyFigures(session) ? <NotFound /> : <DocumentPage id={route.id} session={session} />;
    case 'shares': return onlyFigures(session) ? <NotFound /> : <Shares session={session} />;
    case 'search': return onlyFigures(session) ? <NotFound /> : <Search />;
    case 'callback': return <Loading />;
    default: return <NotFound />;
  }
}

/** An analyst without any other role: the record pages are not offered (the server refuses them anyway). */
function onlyFigures(s: Session): boolean {
  return isAnalyst(s) && !isStaff(s) && !isAuditor(s) && !isAdmin(s);
}

function NotFound() {
  const session = currentSession();
  return <><h1><FormattedMessage id="notfound.title" /></h1><p><Link href="/">
    <FormattedMessage id={session && onlyFigures(session) ? 'nav.reports' : 'nav.subjects'} /></Link></p></>;
}

function Header({ session }: { session: Session | null }) {
  const intl = useIntl();
  const { locale, setLocale, signOut } = useAppSafe();
  return (
    <header className="header">
      <div className="brand"><FormattedMessage id="app.name" /></div>
      {session ? (
        <nav aria-label={intl.formatMessage({ id: 'nav.label' })} className="nav">
          {worksWithRecords(session) ? (
            <>
              <Link href="/"><FormattedMessage id="nav.subjects" /></Link>
              <Link href="/search"><FormattedMessage id="nav.search" /></Link>
              <Link href="/shares"><FormattedMessage id="nav.shares" /></Link>
            </>
          ) : null}
          {session.roles.some((r) => RECORDS_ROLES.includes(r)) ? <Link href="/records/disposition"><FormattedMessage id="nav.disposition" /></Link> : null}
          {mayReport(session.roles) ? <Link href="/reports"><FormattedMessage id="nav.reports" /></Link> : null}
          {isAuditor(session) ? (
            <>
              <Link href="/audit/log"><FormattedMessage id="nav.accessLog" /></Link>
              <Link href="/audit/break-glass"><FormattedMessage id="nav.breakGlassReview" /></Link>
              <Link href="/audit/verify"><FormattedMessage id="nav.verification" /></Link>
            </>
          ) : null}
          {isAdmin(session) ? (
            <>
              <Link href="/admin/status"><FormattedMessage id="nav.adminStatus" /></Link>
              <Link href="/admin/keys"><FormattedMessage id="nav.adminKeys" /></Link>
              <Link href="/admin/blind-index"><FormattedMessage id="nav.adminBlindIndex" /></Link>
              <Link href="/admin/search"><FormattedMessage id="nav.adminSearch" /></Link>
            </>
          ) : null}
        </nav>
      ) : <span />}
      <div className="header-end">
        <SelectField id="language" label={intl.formatMessage({ id: 'language.label' })} value={locale}
          onChange={(v) => setLocale(v as Locale)}
          options={LOCALES.map((l) => ({ id: l.code, label: l.name }))} />
        {session ? (
          <>
            <span className="who" data-testid="who">{session.user}</span>
            <Button className="button secondary" onPress={signOut}><FormattedMessage id="nav.signOut" /></Button>
          </>
        ) : null}
      </div>
    </header>
  );
}

function useAppSafe() {
  // Header is inside the provider; separate hook keeps the import graph simple.
  return useContextApp();
}

import { useApp as useContextApp } from './state';

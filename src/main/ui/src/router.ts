// A small client-side router over the History API (a handful of routes; no dependency needed).
import { useEffect, useState } from 'react';

const listeners = new Set<() => void>();

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  listeners.forEach((l) => l());
  window.scrollTo?.(0, 0);
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return path;
}

export type Route =
  | { name: 'subjects' }
  | { name: 'register' }
  | { name: 'subject'; id: string }
  | { name: 'disclose'; id: string }
  | { name: 'document'; id: string }
  | { name: 'shares' }
  | { name: 'search' }
  | { name: 'audit-log' }
  | { name: 'audit-user'; id: string }
  | { name: 'audit-subject'; id: string }
  | { name: 'audit-document'; id: string }
  | { name: 'audit-break-glass' }
  | { name: 'audit-verify' }
  | { name: 'admin-status' }
  | { name: 'admin-keys' }
  | { name: 'admin-search' }
  | { name: 'admin-blind-index' }
  | { name: 'disposition' }
  | { name: 'reports' }
  | { name: 'callback' }
  | { name: 'not-found' };

const UUIDISH = '([0-9a-fA-F-]{1,64})';

export function match(path: string): Route {
  const p = path.replace(/\/+$/, '') || '/';
  if (p === '/' || p === '/subjects') return { name: 'subjects' };
  if (p === '/subjects/new') return { name: 'register' };
  let m = new RegExp(`^/subjects/${UUIDISH}$`).exec(p);
  if (m) return { name: 'subject', id: m[1] };
  m = new RegExp(`^/subjects/${UUIDISH}/disclose$`).exec(p);
  if (m) return { name: 'disclose', id: m[1] };
  m = new RegExp(`^/documents/${UUIDISH}$`).exec(p);
  if (m) return { name: 'document', id: m[1] };
  if (p === '/shares') return { name: 'shares' };
  if (p === '/search') return { name: 'search' };
  if (p === '/audit' || p === '/audit/log') return { name: 'audit-log' };
  m = /^\/audit\/users\/([^/]{1,200})$/.exec(p);
  if (m) return { name: 'audit-user', id: safeDecode(m[1]) };
  m = new RegExp(`^/audit/subjects/${UUIDISH}$`).exec(p);
  if (m) return { name: 'audit-subject', id: m[1] };
  m = new RegExp(`^/audit/documents/${UUIDISH}$`).exec(p);
  if (m) return { name: 'audit-document', id: m[1] };
  if (p === '/audit/break-glass') return { name: 'audit-break-glass' };
  if (p === '/audit/verify') return { name: 'audit-verify' };
  if (p === '/admin' || p === '/admin/status') return { name: 'admin-status' };
  if (p === '/admin/keys') return { name: 'admin-keys' };
  if (p === '/admin/search') return { name: 'admin-search' };
  if (p === '/admin/blind-index') return { name: 'admin-blind-index' };
  if (p === '/records/disposition') return { name: 'disposition' };
  if (p === '/reports') return { name: 'reports' };
  if (p === '/auth/callback') return { name: 'callback' };
  return { name: 'not-found' };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

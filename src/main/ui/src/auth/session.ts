// The signed-in session, in this module's memory only: never localStorage, sessionStorage, cookies or
// URLs. A reload forgets it; OIDC sign-in then renews silently at the provider.
export interface Session {
  token: string;
  kind: 'oidc' | 'dev';
  user: string;
  roles: string[];
  centres: string[];
}

type Listener = (s: Session | null, reason?: SignOutReason) => void;
export type SignOutReason = 'signed-out' | 'idle' | 'expired';

let session: Session | null = null;
const listeners = new Set<Listener>();

export function currentSession(): Session | null {
  return session;
}

export function currentToken(): string | null {
  return session?.token ?? null;
}

export function setSession(s: Session | null, reason?: SignOutReason): void {
  session = s;
  listeners.forEach((l) => l(s, reason));
}

/** Replaces the token only (silent renewal), keeping who is signed in. */
export function renewToken(token: string): void {
  if (session) session = { ...session, token };
}

export function subscribe(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** A 401 from the API: the token is no longer accepted. */
export function onUnauthorized(): void {
  if (session) setSession(null, 'expired');
}

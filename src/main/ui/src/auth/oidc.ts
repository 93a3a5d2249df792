// OpenID Connect authorization code + PKCE with oidc-client-ts, loaded only when a provider is
// configured. The user (tokens) lives in an InMemoryWebStorage store: never in browser storage.
import type { UserManager, User } from 'oidc-client-ts';
import type { UiConfig } from '../config';

let manager: Promise<UserManager> | null = null;

export function userManager(config: UiConfig): Promise<UserManager> {
  if (!manager) {
    manager = import('oidc-client-ts').then(({ UserManager, WebStorageStateStore, InMemoryWebStorage }) =>
      new UserManager({
        authority: config.authority!,
        client_id: config.clientId,
        scope: config.scope,
        redirect_uri: `${location.origin}/auth/callback`,
        post_logout_redirect_uri: `${location.origin}/`,
        silent_redirect_uri: `${location.origin}/silent-renew.html`,
        response_type: 'code',
        automaticSilentRenew: true,
        monitorSession: false,
        // Tokens: memory only. (The PKCE verifier and state of a sign-in in progress use the default
        // sessionStorage state store for the one redirect round trip and are removed on return.)
        userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
      }),
    );
  }
  return manager;
}

export async function signInRedirect(config: UiConfig, returnTo: string): Promise<void> {
  const m = await userManager(config);
  await m.signinRedirect({ state: { returnTo } });
}

/** Handles /auth/callback: exchanges the code (PKCE) and returns the user and where to go back to. */
export async function completeSignIn(config: UiConfig): Promise<{ user: User; returnTo: string }> {
  const m = await userManager(config);
  const user = await m.signinRedirectCallback();
  // Drop code and state from the address bar and history at once.
  history.replaceState(null, '', '/');
  const state = user.state as { returnTo?: string } | undefined;
  return { user, returnTo: state?.returnTo && state.returnTo.startsWith('/') ? state.returnTo : '/' };
}

/** After a reload: ask the provider again without a prompt (iframe, prompt=none). */
export async function trySilent(config: UiConfig): Promise<User | null> {
  const m = await userManager(config);
  try {
    return await m.signinSilent();
  } catch {
    return null;
  }
}

export async function onRenewed(config: UiConfig, fn: (u: User) => void): Promise<() => void> {
  const m = await userManager(config);
  m.events.addUserLoaded(fn);
  return () => m.events.removeUserLoaded(fn);
}

export async function signOutAtProvider(config: UiConfig): Promise<void> {
  const m = await userManager(config);
  // The ID token names the session to end: without it a provider (Keycloak) asks the person to
  // confirm, and a shared computer would be left signed in at the provider.
  const idToken = (await m.getUser())?.id_token;
  await m.removeUser();
  try {
    await m.signoutRedirect(idToken ? { id_token_hint: idToken } : undefined);
  } catch {
    /* provider without end_session_endpoint: local sign-out is enough */
  }
}

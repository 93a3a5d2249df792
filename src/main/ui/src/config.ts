// The public configuration served by GET /api/ui/config.
export interface UiConfig {
  authority?: string | null;
  clientId: string;
  scope: string;
  idleTimeoutSeconds: number;
  devSignIn: boolean;
}

export async function loadConfig(): Promise<UiConfig> {
  const res = await fetch('/api/ui/config', { credentials: 'omit', cache: 'no-store' });
  if (!res.ok) throw new Error(`config ${res.status}`);
  return res.json();
}

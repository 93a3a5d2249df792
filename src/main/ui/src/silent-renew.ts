// The silent-renewal frame: hands the provider's answer back to the app's UserManager.
import { UserManager } from 'oidc-client-ts';

new UserManager({ authority: '', client_id: '', redirect_uri: '' }).signinSilentCallback().catch(() => undefined);

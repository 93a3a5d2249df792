package org.zhusan.vault.cli;

import java.nio.file.Path;

/**
 * Points a server at the example keys in keys-example/ unless the environment already names keys.
 */
final class DevKeys {
  private DevKeys() {}

  static void apply(VaultProcess.Spec spec) {
    Path keys = DevProfile.exampleKeys();
    putIfAbsent(
        spec,
        "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
        keys.resolve("jwt-dev-public.pem").toUri().toString());
    putIfAbsent(spec, "VAULT_KEYS_KEYSTORE_LOCATION", keys.resolve("vault-keys.p12").toString());
    putIfAbsent(spec, "VAULT_KEYS_KEYSTORE_PASSWORD", "development-only");
    putIfAbsent(
        spec,
        "VAULT_AUDIT_SIGNING_KEY_LOCATION",
        keys.resolve("audit-signing-ed25519.pem").toString());
    putIfAbsent(
        spec, "VAULT_DEV_TOKEN_KEY_LOCATION", keys.resolve("jwt-dev-private.pem").toString());
    putIfAbsent(spec, "VAULT_PROFILE", "dev");
  }

  private static void putIfAbsent(VaultProcess.Spec spec, String key, String value) {
    if (!spec.env.containsKey(key) && System.getenv(key) == null) {
      spec.env(key, value);
    }
  }
}

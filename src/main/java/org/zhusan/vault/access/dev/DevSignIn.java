package org.zhusan.vault.access.dev;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether development sign-in exists, and the signer behind it. It exists only when the development
 * profile is on ({@code VAULT_PROFILE=dev}) <em>and</em> a development signing key is configured
 * ({@code VAULT_DEV_TOKEN_KEY_LOCATION}, set by {@code run --dev}); otherwise the endpoint answers
 * 404 as if it were not there. The example key only ever signs tokens a development vault trusts.
 */
@ApplicationScoped
public class DevSignIn {
  @Inject DevSettings settings;

  private volatile DevTokenSigner signer;

  /** The decision, kept pure for its unit test: the dev profile and a key, or nothing. */
  static boolean enabled(String profile, Optional<String> keyLocation) {
    return "dev".equalsIgnoreCase(profile == null ? "" : profile.strip())
        && keyLocation.map(String::strip).filter(s -> !s.isEmpty()).isPresent();
  }

  public boolean enabled() {
    return enabled(settings.profile(), settings.tokenKeyLocation());
  }

  /** A development token for the given person; only call when {@link #enabled()}. */
  public String mint(String user, List<String> roles, List<String> centres) {
    if (!enabled()) {
      throw new IllegalStateException("development sign-in is off");
    }
    String audience = settings.audiences().split(",")[0].strip();
    return signer().sign(user, roles, centres, settings.tokenTtl(), settings.issuer(), audience);
  }

  private DevTokenSigner signer() {
    DevTokenSigner s = signer;
    if (s == null) {
      try {
        s =
            DevTokenSigner.fromPem(
                Files.readString(Path.of(settings.tokenKeyLocation().orElseThrow().strip())));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read the development signing key", e);
      }
      signer = s;
    }
    return s;
  }
}

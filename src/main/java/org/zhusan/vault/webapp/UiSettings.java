package org.zhusan.vault.webapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Settings of the staff web app, read through MicroProfile Config (defaults in {@code
 * META-INF/microprofile-config.properties}, documented in the README). Immutable once read.
 */
@ApplicationScoped
public class UiSettings {
  @Inject
  @ConfigProperty(name = "vault.ui.oidc.authority")
  Optional<String> authority;

  @Inject
  @ConfigProperty(name = "vault.ui.oidc.client-id", defaultValue = "zhusan-vault-web")
  String clientId;

  @Inject
  @ConfigProperty(name = "vault.ui.oidc.scope", defaultValue = "openid profile")
  String scope;

  @Inject
  @ConfigProperty(name = "vault.ui.idle-timeout", defaultValue = "PT15M")
  String idleTimeout;

  /** The OIDC provider's issuer URL the app signs in against, if one is configured. */
  public Optional<String> authority() {
    return authority.map(String::strip).filter(s -> !s.isEmpty());
  }

  public String clientId() {
    return clientId;
  }

  public String scope() {
    return scope;
  }

  /** Idle time after which the app signs the person out (shared computers). */
  public Duration idleTimeout() {
    Duration d = Duration.parse(idleTimeout);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalStateException("vault.ui.idle-timeout must be positive: " + idleTimeout);
    }
    return d;
  }

  /**
   * The provider's origin ({@code https://idp.example}), which the page's Content-Security-Policy
   * must allow for discovery, token requests and the silent-renewal frame.
   */
  public Optional<String> authorityOrigin() {
    return authority().map(UiSettings::origin);
  }

  static String origin(String url) {
    URI u = URI.create(url);
    if (u.getScheme() == null
        || u.getHost() == null
        || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
      throw new IllegalStateException("vault.ui.oidc.authority must be an http(s) URL: " + url);
    }
    return u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
  }
}

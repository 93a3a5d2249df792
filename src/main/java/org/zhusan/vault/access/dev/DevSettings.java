package org.zhusan.vault.access.dev;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Development sign-in's settings (README, configuration table), every default here: the profile,
 * the signing key and token lifetime, and the issuer and audience the vault itself checks tokens
 * against (MicroProfile JWT's own settings, read so that development tokens pass that check).
 */
@ApplicationScoped
public class DevSettings {
  @Inject
  @ConfigProperty(name = "vault.profile", defaultValue = "prod")
  String profile;

  @Inject
  @ConfigProperty(name = "vault.dev.token.key.location")
  Optional<String> tokenKeyLocation;

  @Inject
  @ConfigProperty(name = "vault.dev.token.ttl", defaultValue = "PT1H")
  Duration tokenTtl;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  String issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  String audiences;

  /** {@code dev} turns the development profile on. */
  public String profile() {
    return profile;
  }

  /** Private key of development sign-in; without it there is none. */
  public Optional<String> tokenKeyLocation() {
    return tokenKeyLocation;
  }

  public Duration tokenTtl() {
    return tokenTtl;
  }

  /** The {@code iss} tokens must carry. */
  public String issuer() {
    return issuer;
  }

  /** The accepted {@code aud} values, comma-separated; development tokens carry the first. */
  public String audiences() {
    return audiences;
  }
}

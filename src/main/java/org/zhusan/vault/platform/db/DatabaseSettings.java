package org.zhusan.vault.platform.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Database connection settings (see README's configuration table). */
@ApplicationScoped
public class DatabaseSettings {
  @Inject
  @ConfigProperty(name = "vault.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "vault.db.user")
  String appUser;

  @Inject
  @ConfigProperty(name = "vault.db.password")
  Optional<String> appPassword;

  /** The role that owns the schema and runs migrations; defaults to the application role. */
  @Inject
  @ConfigProperty(name = "vault.db.owner.user")
  Optional<String> ownerUser;

  @Inject
  @ConfigProperty(name = "vault.db.owner.password")
  Optional<String> ownerPassword;

  public String url() {
    return url;
  }

  public String appUser() {
    return appUser;
  }

  public String appPassword() {
    return appPassword.orElse("");
  }

  public String ownerUser() {
    return ownerUser.filter(s -> !s.isBlank()).orElse(appUser);
  }

  public String ownerPassword() {
    return ownerUser.filter(s -> !s.isBlank()).isPresent()
        ? ownerPassword.orElse("")
        : appPassword.orElse("");
  }

  /** True when migrations run as a different role than the application (the recommended setup). */
  public boolean separateOwner() {
    return !ownerUser().equals(appUser);
  }
}

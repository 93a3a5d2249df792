package org.zhusan.vault.outcomes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Configuration of programme outcomes; every default is here. */
@ApplicationScoped
public class OutcomesSettings {
  @Inject
  @ConfigProperty(name = "vault.outcomes.file")
  Optional<String> fileLocation;

  /** The outcomes file; absent: the built-in copy of config/outcomes.yaml. */
  public Optional<String> fileLocation() {
    return fileLocation.filter(s -> !s.isBlank());
  }
}

package org.zhusan.vault.disclosure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Consent and disclosure settings ({@code vault.disclosure.*}; README, configuration table). Every
 * default of the capability is here.
 */
@ApplicationScoped
public class DisclosureSettings {
  @Inject
  @ConfigProperty(
      name = "vault.disclosure.statutory-grounds",
      defaultValue = "CHILD_PROTECTION_REFERRAL,PROSECUTOR_REQUEST")
  List<String> statutoryGrounds;

  @Inject
  @ConfigProperty(name = "vault.disclosure.max-documents", defaultValue = "50")
  int maxDocuments;

  /** The statutory grounds a disclosure may name as its basis (set by the programme's lawyers). */
  public List<String> statutoryGrounds() {
    return statutoryGrounds;
  }

  /** Most documents in one disclosure (the package is assembled in memory). */
  public int maxDocuments() {
    return maxDocuments;
  }
}

package org.zhusan.vault.search;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Search settings ({@code vault.search.*}; README, configuration table), every default here. */
@ConfigProperties(prefix = "vault.search")
@Dependent
public class SearchSettings {
  @ConfigProperty(name = "reindex.batch-size", defaultValue = "50")
  int reindexBatchSize;

  /** Versions listed per batch by a re-index run (each is re-indexed in its own transaction). */
  public int reindexBatchSize() {
    return reindexBatchSize;
  }
}

package org.zhusan.vault.outcomes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.zhusan.vault.platform.health.KeyStatus;
import org.zhusan.vault.platform.problem.VaultException;
import org.zhusan.vault.platform.yaml.YamlFileException;

/**
 * The outcomes file in force, loaded once at start-up: an invalid file keeps the vault not ready
 * (readiness and {@code GET /api/admin/status} name the line) and every indicator and report
 * request answers 503.
 */
@ApplicationScoped
public class Outcomes implements KeyStatus {
  private static final Logger LOG = Logger.getLogger(Outcomes.class.getName());

  @Inject OutcomesSettings settings;

  private volatile OutcomesFile file;
  private volatile String problem = "not loaded";

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    loaded();
  }

  private synchronized void load() {
    if (file != null) {
      return;
    }
    try {
      file =
          settings
              .fileLocation()
              .map(s -> OutcomesLoader.load(Path.of(s)))
              .orElseGet(OutcomesLoader::defaults);
      problem = null;
      LOG.info(
          "Outcomes file loaded from "
              + settings.fileLocation().orElse("the built-in config/outcomes.yaml"));
    } catch (YamlFileException e) {
      problem = e.getMessage();
      LOG.severe("Outcomes file is invalid; the vault will not report ready: " + problem);
    }
  }

  /** The file, or 503 when it is invalid. */
  public OutcomesFile current() {
    if (file == null) {
      load();
    }
    OutcomesFile f = file;
    if (f == null) {
      throw VaultException.unavailable(
          "outcomes-invalid",
          "The outcomes file could not be loaded; an administrator sees why in the server log and"
              + " GET /api/admin/status.");
    }
    return f;
  }

  @Override
  public String name() {
    return "outcomesFile";
  }

  @Override
  public boolean loaded() {
    if (file == null) {
      load();
    }
    return file != null;
  }

  @Override
  public String problem() {
    return problem;
  }
}

package org.zhusan.vault.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.zhusan.vault.platform.health.KeyStatus;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * The retention schedule in force, loaded once at start-up like the access policy: an invalid file
 * keeps the vault not ready (readiness and {@code GET /api/admin/status} name the line) and every
 * records action answers 503.
 */
@ApplicationScoped
public class Schedule implements KeyStatus {
  private static final Logger LOG = Logger.getLogger(Schedule.class.getName());

  @Inject RecordsSettings settings;

  private volatile RetentionSchedule schedule;
  private volatile String problem = "not loaded";

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    current();
  }

  private synchronized void load() {
    if (schedule != null) {
      return;
    }
    try {
      schedule =
          settings
              .scheduleLocation()
              .map(s -> ScheduleLoader.load(Path.of(s)))
              .orElseGet(ScheduleLoader::defaults);
      problem = null;
      LOG.info(
          "Retention schedule loaded from "
              + settings.scheduleLocation().orElse("the built-in config/retention.yaml"));
    } catch (ScheduleException e) {
      problem = e.getMessage();
      LOG.severe("Retention schedule is invalid; the vault will not report ready: " + problem);
    }
  }

  /** The schedule, or 503 when the file is invalid. */
  public RetentionSchedule current() {
    if (schedule == null) {
      load();
    }
    RetentionSchedule s = schedule;
    if (s == null) {
      throw VaultException.unavailable(
          "schedule-invalid",
          "The retention schedule could not be loaded; an administrator sees why in the server log"
              + " and GET /api/admin/status.");
    }
    return s;
  }

  @Override
  public String name() {
    return "retentionSchedule";
  }

  @Override
  public boolean loaded() {
    if (schedule == null) {
      load();
    }
    return schedule != null;
  }

  @Override
  public String problem() {
    return problem;
  }
}

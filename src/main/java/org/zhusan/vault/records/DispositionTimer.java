package org.zhusan.vault.records;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Runs the disposition scan every {@code vault.records.scan-interval} (first run one interval after
 * start-up, so a restart does not add load); zero turns it off.
 */
@ApplicationScoped
public class DispositionTimer {
  private static final Logger LOG = Logger.getLogger(DispositionTimer.class.getName());

  @Inject RecordsSettings settings;
  @Inject DispositionService service;
  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> periodic;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    long every = settings.scanInterval().toMillis();
    if (every > 0) {
      periodic = scheduler.scheduleAtFixedRate(this::scan, every, every, TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  void stop() {
    if (periodic != null) {
      periodic.cancel(false);
    }
  }

  private void scan() {
    try {
      service.scheduledScan();
    } catch (RuntimeException e) {
      LOG.warning("Scheduled disposition scan failed: " + e.getClass().getSimpleName());
    }
  }
}

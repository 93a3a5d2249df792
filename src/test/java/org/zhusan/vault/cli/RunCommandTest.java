package org.zhusan.vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code run}'s startup limit: a setting with a generous default, and progress while it waits. */
class RunCommandTest {

  private static RunCommand parse(String... args) {
    RunCommand run = new RunCommand();
    new CommandLine(run).parseArgs(args);
    return run;
  }

  @Test
  void theStartupTimeoutDefaultsToTenMinutes() {
    // VAULT_STARTUP_TIMEOUT overrides the default; it is not set where the tests run.
    Assumptions.assumeTrue(System.getenv("VAULT_STARTUP_TIMEOUT") == null);
    assertEquals(Duration.ofMinutes(10), parse().startupTimeout);
  }

  @Test
  void theStartupTimeoutIsAnIso8601Option() {
    assertEquals(Duration.ofSeconds(90), parse("--startup-timeout", "PT90S").startupTimeout);
    assertEquals(Duration.ofMinutes(20), parse("--startup-timeout", "PT20M").startupTimeout);
    assertThrows(CommandLine.ParameterException.class, () -> parse("--startup-timeout", "180"));
  }

  @Test
  void aTimeoutThatIsNotPositiveIsRefusedBeforeAnythingStarts() {
    CommandLine cli = new CommandLine(new RunCommand());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("--startup-timeout", "PT0S");
    assertNotEquals(0, exit);
    assertTrue(err.toString().contains("must be positive"), err.toString());
  }

  @Test
  void progressSaysHowLongItHasWaitedAndWhenItWillGiveUp() {
    StartupProgress p = new StartupProgress(Duration.ofMinutes(10));
    assertEquals(
        "Still starting\u2026 40 s (gives up after 10 min)", p.message(Duration.ofSeconds(40)));
    assertTrue(p.gaveUp("http://localhost:1").contains("VAULT_STARTUP_TIMEOUT"));
    assertEquals("90 s", StartupProgress.human(Duration.ofSeconds(90)));
    assertEquals(Duration.ofSeconds(10), StartupProgress.EVERY);
  }
}

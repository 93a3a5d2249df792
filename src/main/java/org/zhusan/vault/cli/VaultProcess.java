package org.zhusan.vault.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro running the vault WAR in a child process. The launcher and the integration tests
 * both start the vault this way, so the tests exercise exactly what users run.
 */
public final class VaultProcess implements AutoCloseable {
  /**
   * The JSON-P provider Payara Micro 6 ships (and the ServiceLoader finds, in its runtime class
   * loader), named so that it is not looked up again on every use; docs/operations.md.
   */
  public static final String JSON_PROVIDER = "org.eclipse.parsson.JsonProviderImpl";

  private final Process process;
  private final int port;

  private VaultProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** How to start it. */
  public static final class Spec {
    Path payaraJar = Installation.payaraMicro();
    Path war = Installation.war();
    Path rootDir;
    int port = 8080;
    String heap = "768m";
    final Map<String, String> env = new LinkedHashMap<>();
    Path log;

    public Spec payaraJar(Path p) {
      payaraJar = p;
      return this;
    }

    public Spec war(Path p) {
      war = p;
      return this;
    }

    public Spec rootDir(Path p) {
      rootDir = p;
      return this;
    }

    public Spec port(int p) {
      port = p;
      return this;
    }

    public Spec heap(String h) {
      heap = h;
      return this;
    }

    public Spec env(String k, String v) {
      env.put(k, v);
      return this;
    }

    /** A copy to start another instance from. */
    public Spec copy() {
      Spec c = new Spec();
      c.payaraJar = payaraJar;
      c.war = war;
      c.rootDir = rootDir;
      c.port = port;
      c.heap = heap;
      c.env.putAll(env);
      c.log = log;
      return c;
    }

    /** Send the server's output to this file instead of this process's console. */
    public Spec log(Path p) {
      log = p;
      return this;
    }
  }

  public static VaultProcess start(Spec spec) throws IOException {
    requireFile(spec.payaraJar, "Payara Micro");
    requireFile(spec.war, "the vault WAR");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java.toString(),
                "-Xmx" + spec.heap,
                "-XX:+ExitOnOutOfMemoryError",
                // Payara's JSON-P (jakarta.json 2.1, Parsson) looks its provider up through the
                // ServiceLoader on every Json.createXxx() call unless this names it; MP-JWT does
                // that for every request's token, scanning every jar of the WAR (about 6 % of the
                // server's samples during ingest). Read once, at the JVM's first JSON use, so it
                // must be a JVM option; the provider is the one the lookup would have found.
                "-Djakarta.json.provider=" + JSON_PROVIDER,
                "-jar",
                spec.payaraJar.toString(),
                "--deploy",
                spec.war.toString(),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(spec.port),
                "--nocluster",
                "--nohostaware"));
    if (spec.rootDir != null) {
      // Payara Micro remembers deployed applications in its root directory and would first redeploy
      // the previous build (running its migrations) before the new one: start from an empty one.
      // It holds only Payara's runtime files, never vault data.
      deleteRecursively(spec.rootDir);
      Files.createDirectories(spec.rootDir);
      cmd.addAll(List.of("--rootdir", spec.rootDir.toString()));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(spec.env);
    if (spec.log != null) {
      Files.createDirectories(spec.log.toAbsolutePath().getParent());
      pb.redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.log.toFile()));
    } else {
      pb.inheritIO();
    }
    Process process = pb.start();
    // Never leave an orphaned server behind when the JVM that started it exits (e.g. a failed
    // test).
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "vault-process-reaper"));
    return new VaultProcess(process, spec.port);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void requireFile(Path p, String what) {
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException(
          what + " not found at " + p + "; build first: mvn -DskipTests package");
    }
  }

  /**
   * Waits until {@code /health/ready} answers 200 and the application's own paths answer (an
   * unauthenticated {@code /api/me} gets problem JSON), five times in a row over two seconds —
   * Payara answers health before the application has finished registering, and requests in that
   * window fail — or until the process dies or the timeout passes.
   */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return awaitReady(timeout, timeout, elapsed -> {});
  }

  /**
   * As {@link #awaitReady(Duration)}, telling {@code progress} the time waited so far every {@code
   * every}.
   */
  public boolean awaitReady(
      Duration timeout, Duration every, java.util.function.Consumer<Duration> progress)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long nextReport = start + every.toNanos();
    int consecutive = 0;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return false;
      }
      if (System.nanoTime() >= nextReport) {
        progress.accept(Duration.ofNanos(System.nanoTime() - start).withNanos(0));
        nextReport += every.toNanos();
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        // Health can answer before the application's own paths are mapped: wait for both.
        HttpResponse<Void> api =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/api/me"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200
            && api.statusCode() == 401
            && api.headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/problem+json")) {
          if (++consecutive >= 5) {
            return true;
          }
          Thread.sleep(400);
          continue;
        }
        consecutive = 0;
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    return false;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public long pid() {
    return process.pid();
  }

  /** SIGKILL: used by the crash tests. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Asks Payara to shut down cleanly (SIGTERM), then forces it after 30 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}

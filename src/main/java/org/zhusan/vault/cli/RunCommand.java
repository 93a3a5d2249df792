package org.zhusan.vault.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.zhusan.vault.cli.embedded.EmbeddedDatabase;
import org.zhusan.vault.documents.content.OcrSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Starts the vault: an embedded PostgreSQL under {@code ./data} (unless {@code VAULT_DB_URL} names
 * an external one), then Payara Micro with the WAR. Ctrl-C stops both cleanly.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Start the vault (embedded PostgreSQL unless VAULT_DB_URL is set).")
public class RunCommand implements Callable<Integer> {

  @Option(
      names = "--dev",
      description =
          "Development profile: use the example keys in keys-example/ (or set VAULT_PROFILE=dev).")
  boolean dev;

  @Option(
      names = "--port",
      defaultValue = "${env:VAULT_HTTP_PORT:-8080}",
      description = "HTTP port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--data",
      defaultValue = "${env:VAULT_DATA_DIR:-data}",
      description =
          "Directory for the embedded database and server files (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--db-port",
      defaultValue = "${env:VAULT_EMBEDDED_DB_PORT:-54329}",
      description = "Port of the embedded PostgreSQL (default ${DEFAULT-VALUE}).")
  int dbPort;

  @Option(
      names = "--heap",
      defaultValue = "${env:VAULT_HEAP:-768m}",
      description = "Server heap (default ${DEFAULT-VALUE}).")
  String heap;

  @Option(
      names = "--startup-timeout",
      defaultValue = "${env:VAULT_STARTUP_TIMEOUT:-" + StartupProgress.DEFAULT_TIMEOUT + "}",
      description =
          "How long to wait for the server to become ready before stopping it, ISO-8601 (default"
              + " ${DEFAULT-VALUE}).")
  Duration startupTimeout;

  @Spec CommandSpec command;

  @Override
  public Integer call() throws Exception {
    boolean devOn = DevProfile.on(dev);
    StartupProgress progress;
    try {
      progress = new StartupProgress(startupTimeout);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), e.getMessage());
    }
    Path dataDir = data.toAbsolutePath();
    VaultProcess.Spec spec =
        new VaultProcess.Spec().port(port).heap(heap).rootDir(dataDir.resolve("payara"));
    System.getenv()
        .forEach(
            (k, v) -> {
              if (k.startsWith("VAULT_") || k.startsWith("MP_")) {
                spec.env(k, v);
              }
            });

    EmbeddedDatabase db = null;
    String external = System.getenv("VAULT_DB_URL");
    if (external == null || external.isBlank()) {
      System.out.println(
          "Starting embedded PostgreSQL (data in "
              + EmbeddedDatabase.clusterDir(dataDir)
              + ") ...");
      db = EmbeddedDatabase.start(dataDir, dbPort);
      db.serverEnvironment().forEach(spec::env);
    } else {
      System.out.println("Using external PostgreSQL at " + external);
    }
    if (devOn) {
      DevKeys.apply(spec);
    }
    if (!spec.env.containsKey("VAULT_KEYS_DOCUMENT_KEYS_LOCATION")) {
      // Document key shares beside the data they open, never inside the repository's example keys.
      spec.env("VAULT_KEYS_DOCUMENT_KEYS_LOCATION", dataDir.resolve("document-keys").toString());
    }

    VaultProcess server = VaultProcess.start(spec);
    EmbeddedDatabase database = db;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping the vault ...");
                  try {
                    server.close();
                    if (database != null) {
                      database.close();
                    }
                  } catch (Exception e) {
                    System.err.println("Clean stop failed: " + e);
                  }
                  stopped.countDown();
                },
                "vault-stop"));

    if (!server.awaitReady(
        startupTimeout,
        StartupProgress.EVERY,
        elapsed -> System.out.println(progress.message(elapsed)))) {
      System.err.println(
          server.isAlive()
              ? progress.gaveUp(server.baseUrl())
              : "The server stopped before it became ready; see its log above.");
      return server.isAlive() ? 1 : 3;
    }
    System.out.println();
    System.out.println("Zhusan Vault is ready.");
    System.out.println(
        "  Web app    "
            + server.baseUrl()
            + "/"
            + (devOn ? "   (development sign-in: pick a user, roles and centres)" : ""));
    System.out.println(
        "  API        " + server.baseUrl() + "/api   (try GET /api/me with a bearer token)");
    System.out.println("  OpenAPI    " + server.baseUrl() + "/openapi");
    System.out.println("  Health     " + server.baseUrl() + "/health/ready");
    System.out.println("  OCR        " + ocrLine(OcrSupport.detect()));
    if (devOn) {
      System.out.println(
          "  Dev token  java -jar target/zhusan-vault-cli.jar token --dev --user alice --role"
              + " LAWYER --centre AST-01");
    } else {
      System.out.println("  Tokens     from your OIDC provider (see README: Configuration)");
    }
    System.out.println("Press Ctrl-C to stop.");
    while (server.isAlive()) {
      Thread.sleep(1000);
    }
    return 0;
  }

  /**
   * Whether scans and images will be searchable, and if not the one command that makes them so; the
   * same detection the server makes at start-up.
   */
  static String ocrLine(OcrSupport ocr) {
    List<String> missing = new ArrayList<>(List.of("kaz", "rus", "eng"));
    missing.removeAll(ocr.languages());
    if (ocr.enabled() && missing.isEmpty()) {
      return "on (" + String.join(", ", ocr.languages()) + ")";
    }
    String packages =
        missing.stream().map(l -> "tesseract-ocr-" + l).collect(Collectors.joining(" "));
    String install = "sudo apt-get install tesseract-ocr " + packages + "   (then restart)";
    return ocr.enabled()
        ? "on (" + String.join(", ", ocr.languages()) + "); for the other languages: " + install
        : "off: scans and photos are stored but not searchable. To enable: " + install;
  }
}

package org.zhusan.vault.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.zhusan.vault.cli.embedded.ClusterRestore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Restores a backup into an empty data directory and checks that the database opens. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description =
        "Restore a backup into an empty data directory, recover it and check it opens; then start"
            + " it with run --data.")
public class RestoreCommand implements Callable<Integer> {

  @Option(
      names = "--from",
      required = true,
      description = "The backup file (written by the backup command).")
  Path from;

  @Option(
      names = "--data",
      defaultValue = "${env:VAULT_DATA_DIR:-data}",
      description =
          "The data directory to restore into; must hold no database (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--db-port",
      defaultValue = "0",
      description = "Port for the check start (default: any free port).")
  int dbPort;

  @Override
  public Integer call() throws Exception {
    ClusterRestore.Result r =
        ClusterRestore.restore(from.toAbsolutePath(), data.toAbsolutePath(), dbPort);
    System.out.printf(
        "Restored PostgreSQL %s into %s: %s.%n",
        r.postgresVersion(),
        data.toAbsolutePath(),
        r.documents() < 0
            ? "no vault schema yet (the vault never started on it)"
            : r.documents() + " documents, " + r.accessLogEntries() + " access-log entries");
    System.out.println(
        "Start it with: java -jar target/zhusan-vault-cli.jar run --data "
            + data
            + "   then check GET /api/audit/verify as an auditor.");
    return 0;
  }
}

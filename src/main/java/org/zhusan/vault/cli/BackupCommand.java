package org.zhusan.vault.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.zhusan.vault.cli.embedded.ClusterBackup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Backs up the embedded database into one file, online (the vault may keep running). */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description =
        "Back up the embedded database (with its access log and password file) into one file; the"
            + " vault may keep running.")
public class BackupCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      defaultValue = "${env:VAULT_DATA_DIR:-data}",
      description = "The data directory of run (default ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--out",
      required = true,
      description = "The backup file to write (must not exist).")
  Path out;

  @Option(
      names = "--db-port",
      defaultValue = "0",
      description =
          "Port to start the database on if the vault is not running (default: any free port).")
  int dbPort;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    ClusterBackup.Result r =
        ClusterBackup.write(data.toAbsolutePath(), out.toAbsolutePath(), dbPort);
    System.out.printf(
        "Backed up %s into %s: %d files, %d WAL segments, %.1f MB in %.1f s (WAL %s to %s).%n",
        data.toAbsolutePath(),
        r.file(),
        r.clusterFiles(),
        r.walSegments(),
        r.bytes() / 1e6,
        (System.nanoTime() - t0) / 1e9,
        r.startLsn(),
        r.stopLsn());
    System.out.println(
        "It holds the database password file: keep it as you keep the data. The keystore is not in"
            + " it.");
    return 0;
  }
}

package org.zhusan.vault.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.zhusan.vault.audit.tree.CheckpointVerifier;
import org.zhusan.vault.audit.witness.C2spCheckpoints;
import org.zhusan.vault.audit.witness.NoteSigner;
import org.zhusan.vault.audit.witness.NoteVerifierKey;
import org.zhusan.vault.audit.witness.Witness;
import org.zhusan.vault.audit.witness.WitnessStateFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code witness}: a c2sp.org/tlog-witness for one vault's access log, run by a centre or an
 * outside body on a machine the vault's operators do not control. It co-signs each checkpoint the
 * vault sends only if it extends the last one it co-signed, so a database owner who cuts off the
 * log's tail and deletes its checkpoints cannot get the shorter log co-signed again.
 *
 * <p>{@code --print-key} prints the witness's verifier key (what the vault is configured with) and
 * exits; otherwise it serves {@code POST /add-checkpoint} until stopped. The key file is created on
 * first use (owner-only); the state (last co-signed size, root and note) is saved atomically in
 * {@code --state} before each cosignature is returned, so a crash never makes it co-sign a fork.
 *
 * <p>Not thread-safe (picocli injects the options into the instance); create one per run.
 */
@Command(
    name = "witness",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a witness (c2sp.org/tlog-witness) for a vault's access log: co-signs each checkpoint"
          + " that provably extends the last one it co-signed, refuses rollbacks and forks.",
      "With --print-key, prints the witness's verifier key and exits."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped, or the key was printed",
      "1:cannot start (unreadable key, log key or state, port in use)",
      "2:invalid command line"
    })
public final class WitnessCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--key",
      required = true,
      paramLabel = "PEM",
      description =
          "The witness's Ed25519 private key (PKCS#8 PEM); created, owner-only, if absent.")
  private Path key;

  @Option(
      names = "--name",
      required = true,
      description = "The witness's name, e.g. witness.centre.example/vault (no spaces, no '+').")
  private String name;

  @Option(names = "--print-key", description = "Print the verifier key and exit.")
  private boolean printKey;

  @Option(
      names = "--log-key",
      paramLabel = "PEM",
      description = "The log's Ed25519 public key (PEM, -----BEGIN PUBLIC KEY-----).")
  private Path logKey;

  @Option(names = "--origin", description = "The log's origin, e.g. zhusan-vault/audit-log/v1.")
  private String origin;

  @Option(
      names = "--state",
      paramLabel = "DIR",
      description = "Directory of the witness's state (created if absent).")
  private Path state;

  @Option(names = "--port", description = "Port to listen on (0: any free port).")
  private Integer port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for all).")
  private String host;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!printKey && (logKey == null || origin == null || state == null || port == null)) {
      err.println("witness: --log-key, --origin, --state and --port are required to serve");
      err.flush();
      return 2;
    }
    try {
      if (printKey) {
        out.println(signer().cosignerKey().format());
        out.flush();
        return 0;
      }
      WitnessServer server = start();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.close();
                    stopped.countDown();
                  }));
      stopped.await();
      return 0;
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      err.println("witness: " + e.getMessage());
      err.flush();
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** Loads the keys and the state, starts serving and prints what it serves. */
  WitnessServer start() throws IOException, GeneralSecurityException {
    PrintWriter out = spec.commandLine().getOut();
    NoteVerifierKey log =
        C2spCheckpoints.logKey(origin, CheckpointVerifier.fromPublicKeyPemFile(logKey));
    WitnessStateFile store = new WitnessStateFile(state);
    NoteSigner signer = signer();
    Witness witness = new Witness(origin, log, signer, store.load(), store, Clock.systemUTC());
    WitnessServer server = WitnessServer.start(witness, host, port, out);
    out.println("witness key: " + signer.cosignerKey().format());
    out.println(
        "witnessing "
            + log.format()
            + " at size "
            + witness.state().size()
            + "; POST http://"
            + host
            + ":"
            + server.port()
            + "/add-checkpoint");
    out.flush();
    return server;
  }

  private NoteSigner signer() throws IOException, GeneralSecurityException {
    return new NoteSigner(name, WitnessKeyFile.loadOrCreate(key));
  }
}

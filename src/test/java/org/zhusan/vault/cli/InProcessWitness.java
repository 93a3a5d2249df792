package org.zhusan.vault.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * A {@code witness} command serving in this JVM (as {@link WitnessCommandTest} starts it), for
 * integration tests outside this package: key and state under {@code dir}, a free port.
 */
public final class InProcessWitness implements AutoCloseable {
  private final WitnessServer server;
  private final String verifierKey;
  private final StringWriter out;

  private InProcessWitness(WitnessServer server, String verifierKey, StringWriter out) {
    this.server = server;
    this.verifierKey = verifierKey;
    this.out = out;
  }

  /**
   * Starts a witness named {@code name} following the log {@code origin} signed by the key in
   * {@code logPublicKeyPem}.
   */
  public static InProcessWitness start(Path dir, String name, Path logPublicKeyPem, String origin)
      throws Exception {
    WitnessCommand command = new WitnessCommand();
    CommandLine line = new CommandLine(command);
    StringWriter out = new StringWriter();
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(out, true));
    line.parseArgs(
        "--key",
        dir.resolve("witness.pem").toString(),
        "--name",
        name,
        "--log-key",
        logPublicKeyPem.toString(),
        "--origin",
        origin,
        "--state",
        dir.resolve("state").toString(),
        "--port",
        "0");
    WitnessServer server = command.start();
    String key =
        out.toString()
            .lines()
            .filter(l -> l.startsWith("witness key: "))
            .findFirst()
            .orElseThrow()
            .substring("witness key: ".length())
            .strip();
    return new InProcessWitness(server, key, out);
  }

  /** The base URL ({@code /add-checkpoint} below it). */
  public String url() {
    return "http://127.0.0.1:" + server.port();
  }

  /** The witness's cosigner verifier key. */
  public String verifierKey() {
    return verifierKey;
  }

  /** What the witness printed (its log). */
  public String output() {
    return out.toString();
  }

  @Override
  public void close() {
    server.close();
  }
}

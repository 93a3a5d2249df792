package org.zhusan.vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.CheckpointSigner;
import org.zhusan.vault.audit.tree.ConsistencyProofs;
import org.zhusan.vault.audit.tree.LeafSource;
import org.zhusan.vault.audit.tree.MerkleTree;
import org.zhusan.vault.audit.tree.Rfc9162Hasher;
import org.zhusan.vault.audit.witness.C2spCheckpoints;
import org.zhusan.vault.audit.witness.NoteVerifierKey;
import org.zhusan.vault.audit.witness.SignedNote;
import org.zhusan.vault.audit.witness.WitnessRequest;
import org.zhusan.vault.audit.witness.WitnessResponse;
import org.zhusan.vault.audit.witness.WitnessResult;
import picocli.CommandLine;

/** The {@code witness} command end to end: a real HTTP server on a free port, the JDK client. */
class WitnessCommandTest {

  private static final Path REPO = Path.of(System.getProperty("vault.repo.root", "."));
  private static final String ORIGIN = "zhusan-vault/audit-log/v1";

  @TempDir Path dir;
  private CheckpointSigner logSigner;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void loadTheDevelopmentLogKey() throws Exception {
    logSigner =
        CheckpointSigner.fromPkcs8PemFile(REPO.resolve("keys-example/audit-signing-ed25519.pem"));
  }

  private String[] args(String... more) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "--key",
                dir.resolve("keys/witness.pem").toString(),
                "--name",
                "witness.example/w1"));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private WitnessServer startWitness(StringWriter out) throws Exception {
    WitnessCommand command = new WitnessCommand();
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(out, true));
    line.parseArgs(
        args(
            "--log-key",
            REPO.resolve("keys-example/audit-signing-ed25519.pub.pem").toString(),
            "--origin",
            ORIGIN,
            "--state",
            dir.resolve("state").toString(),
            "--port",
            "0"));
    return command.start();
  }

  private NoteVerifierKey printedKey() {
    StringWriter out = new StringWriter();
    CommandLine line = new CommandLine(new WitnessCommand());
    line.setOut(new PrintWriter(out, true));
    assertEquals(0, line.execute(args("--print-key")));
    assertEquals(1, out.toString().lines().count(), out.toString());
    return NoteVerifierKey.parse(out.toString().strip());
  }

  private static List<byte[]> leaves(int n, String salt) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(Rfc9162Hasher.sha256().hashLeaf((salt + i).getBytes(StandardCharsets.UTF_8)));
    }
    return leaves;
  }

  private SignedNote note(List<byte[]> leaves) {
    return C2spCheckpoints.sign(
        new Checkpoint(
            ORIGIN,
            leaves.size(),
            MerkleTree.rfc9162().rootHash(leaves),
            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(leaves.size())),
        logSigner);
  }

  private static List<byte[]> proof(List<byte[]> leaves, long from) {
    return new ConsistencyProofs(Rfc9162Hasher.sha256(), LeafSource.of(leaves))
        .consistencyProof(from, leaves.size());
  }

  private HttpResponse<byte[]> post(
      WitnessServer server, long old, List<byte[]> proof, SignedNote note) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/add-checkpoint"))
            .POST(HttpRequest.BodyPublishers.ofString(WitnessRequest.format(old, proof, note)))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static WitnessResult result(HttpResponse<byte[]> response) {
    return WitnessResponse.parse(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(null),
        response.body());
  }

  @Test
  void printKeyCreatesAnOwnerOnlyKeyAndPrintsTheSameCosignerKeyEachTime() throws Exception {
    NoteVerifierKey key = printedKey();
    assertEquals("witness.example/w1", key.name());
    assertEquals(key, printedKey());
    Path file = dir.resolve("keys/witness.pem");
    assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----\n"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }

  @Test
  void theWitnessCosignsConflictsRefusesAForkAndRemembersAcrossARestart() throws Exception {
    NoteVerifierKey witnessKey = printedKey();
    List<byte[]> log = leaves(10, "entry ");
    List<byte[]> first = log.subList(0, 3);
    List<byte[]> second = log.subList(0, 7);
    StringWriter out = new StringWriter();

    try (WitnessServer server = startWitness(out)) {
      assertTrue(out.toString().contains(witnessKey.format()), out.toString());

      HttpResponse<byte[]> one = post(server, 0, List.of(), note(first));
      assertEquals(200, one.statusCode());
      SignedNote cosigned =
          note(first)
              .withSignatures(
                  assertInstanceOf(WitnessResult.Cosigned.class, result(one)).cosignatures());
      assertTrue(cosigned.isSignedBy(witnessKey));

      HttpResponse<byte[]> two = post(server, 3, proof(second, 3), note(second));
      assertEquals(200, two.statusCode());
      assertTrue(
          note(second)
              .withSignatures(((WitnessResult.Cosigned) result(two)).cosignatures())
              .isSignedBy(witnessKey));

      HttpResponse<byte[]> conflict = post(server, 3, proof(second, 3), note(second));
      assertEquals(409, conflict.statusCode());
      assertEquals("text/x.tlog.size", conflict.headers().firstValue("Content-Type").orElseThrow());
      assertEquals("7\n", new String(conflict.body(), StandardCharsets.UTF_8));

      List<byte[]> fork = new ArrayList<>(log.subList(0, 9));
      fork.set(4, Rfc9162Hasher.sha256().hashLeaf(new byte[] {4}));
      assertEquals(422, post(server, 7, proof(fork, 7), note(fork)).statusCode());

      HttpRequest get =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + server.port() + "/add-checkpoint"))
              .build();
      assertEquals(405, client.send(get, HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    try (WitnessServer restarted = startWitness(new StringWriter())) {
      HttpResponse<byte[]> stale = post(restarted, 0, List.of(), note(first));
      assertEquals(409, stale.statusCode());
      assertEquals(7, ((WitnessResult.Conflict) result(stale)).knownSize());
      assertEquals(200, post(restarted, 7, proof(log, 7), note(log)).statusCode());
    }
  }

  @Test
  void aMalformedBodyIsABadRequest() throws Exception {
    try (WitnessServer server = startWitness(new StringWriter())) {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + server.port() + "/add-checkpoint"))
              .POST(HttpRequest.BodyPublishers.ofString("old x\n\n"))
              .build();
      assertEquals(400, client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    }
  }

  @Test
  void servingWithoutTheLogKeyIsACommandLineError() {
    CommandLine line = new CommandLine(new WitnessCommand());
    line.setErr(new PrintWriter(new StringWriter(), true));
    assertEquals(2, line.execute(args("--port", "0")));
  }
}

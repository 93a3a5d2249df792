package org.zhusan.vault.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.zhusan.vault.audit.witness.C2spCheckpoint;
import org.zhusan.vault.audit.witness.Witness;
import org.zhusan.vault.audit.witness.WitnessRequest;
import org.zhusan.vault.audit.witness.WitnessResponse;
import org.zhusan.vault.audit.witness.WitnessResult;

/**
 * Serves one {@link Witness} over HTTP: {@code POST /add-checkpoint} (c2sp.org/tlog-witness), and
 * nothing else.
 *
 * <p>Why the JDK's {@link HttpServer} and no framework: there is one endpoint taking a small text
 * body, so a framework would add dependencies and start-up time and nothing the witness needs. The
 * JDK server is in every Java 17 runtime. Requests are handled one at a time on the server's own
 * thread (the witness serialises them anyway), bodies are bounded by {@link
 * WitnessRequest#MAX_BYTES}. Plain HTTP: everything exchanged is signed and public, so TLS adds
 * nothing to the witness's guarantees; put it behind a TLS proxy if the network requires one.
 */
final class WitnessServer implements AutoCloseable {

  private static final String PATH = "/add-checkpoint";

  private final Witness witness;
  private final HttpServer server;
  private final PrintWriter log;

  private WitnessServer(Witness witness, HttpServer server, PrintWriter log) {
    this.witness = witness;
    this.server = server;
    this.log = log;
  }

  /** Binds {@code host:port} (port 0: any free port) and starts serving. */
  static WitnessServer start(Witness witness, String host, int port, PrintWriter log)
      throws IOException {
    Objects.requireNonNull(witness, "witness is required.");
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    WitnessServer witnessServer = new WitnessServer(witness, server, log);
    server.createContext("/", witnessServer::handle);
    server.start();
    return witnessServer;
  }

  /** The port it listens on. */
  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!PATH.equals(exchange.getRequestURI().getPath())) {
        send(exchange, 404, WitnessResponse.TEXT_CONTENT_TYPE, "not found\n");
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        send(exchange, 405, WitnessResponse.TEXT_CONTENT_TYPE, "use POST\n");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(WitnessRequest.MAX_BYTES + 1);
      }
      WitnessResult result;
      String what = "malformed request";
      try {
        WitnessRequest request = WitnessRequest.parse(body);
        what = "old " + request.oldSize() + ", size " + sizeOf(request);
        result = witness.addCheckpoint(request);
      } catch (IllegalArgumentException e) {
        result =
            new WitnessResult.Refused(
                WitnessResult.Refusal.MALFORMED, "malformed request: " + e.getMessage());
      } catch (UncheckedIOException e) {
        log(what + ": cannot save the state, not co-signing: " + e.getCause().getMessage());
        send(exchange, 500, WitnessResponse.TEXT_CONTENT_TYPE, "cannot save state\n");
        return;
      }
      log(what + ": " + describe(result));
      WitnessResponse response = WitnessResponse.of(result);
      send(exchange, response.status(), response.contentType(), response.body());
    }
  }

  private static String sizeOf(WitnessRequest request) {
    try {
      return String.valueOf(C2spCheckpoint.parse(request.checkpoint().text()).size());
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }

  private static String describe(WitnessResult result) {
    if (result instanceof WitnessResult.Cosigned) {
      return "200 co-signed";
    }
    if (result instanceof WitnessResult.Conflict conflict) {
      return "409 conflict, " + conflict.reason();
    }
    WitnessResult.Refused refused = (WitnessResult.Refused) result;
    return refused.httpStatus() + " " + refused.refusal() + ", " + refused.reason();
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  private synchronized void log(String line) {
    log.println("witness: " + line);
    log.flush();
  }

  /** Stops serving (waits up to a second for a request in progress). */
  @Override
  public void close() {
    server.stop(1);
  }
}

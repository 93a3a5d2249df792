package org.zhusan.vault.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real Keycloak for the sign-in tests: the {@code keycloak-quarkus-dist} zip that Maven unpacks
 * into {@code target/keycloak-<version>}, built once ({@code kc.sh build}, remembered by a marker
 * file) and started once per test JVM on loopback ports, on a fresh database of the local
 * PostgreSQL, with {@code config/keycloak/zhusan-realm.json} imported unchanged. The web app's URL
 * (the realm file's {@code VAULT_WEB_URL} placeholder) is the vault instance the tests start beside
 * it.
 *
 * <p>For API tests it adds one client to the imported realm through the admin API, {@code
 * vault-it-direct} (password grant, the realm's own mappers), which the shipped realm file does not
 * have: the web app's client allows only the authorization code flow with PKCE.
 */
public final class KeycloakServer {
  public static final String VERSION = System.getProperty("keycloak.version", "26.7.3");
  public static final String REALM = "zhusan";
  public static final String DIRECT_CLIENT = "vault-it-direct";
  private static final String ADMIN = "kc-it-admin";
  private static final String ADMIN_PASSWORD = "kc-it-admin-" + Long.toHexString(System.nanoTime());
  private static final String DATABASE =
      System.getProperty("it.db.name", "zhusan_it") + "_keycloak";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final Process process;
  private final int port;

  private KeycloakServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Home of the unpacked distribution. */
  public static Path home() {
    return VaultServer.repoRoot().resolve("target/keycloak-" + VERSION);
  }

  /** The issuer of the realm's tokens. */
  public String issuer() {
    return baseUrl() + "/realms/" + REALM;
  }

  public String jwksUrl() {
    return issuer() + "/protocol/openid-connect/certs";
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * A port for Keycloak chosen before it starts, so the vault can be configured with its issuer
   * first.
   */
  public static int choosePort() throws IOException {
    return VaultServer.freePort();
  }

  /**
   * Builds the distribution if needed and starts Keycloak on {@code port} with the realm imported;
   * {@code webAppUrl} fills the realm's redirect URIs. Returns once the realm answers.
   */
  public static KeycloakServer start(int port, String webAppUrl) throws Exception {
    Path home = home();
    if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
      throw new IllegalStateException(
          "Keycloak is not unpacked at "
              + home
              + " (the Maven build unpacks it before the integration tests)");
    }
    buildOnce(home);
    try (Connection c =
            DriverManager.getConnection(
                VaultServer.adminUrl("postgres"),
                System.getProperty("it.db.admin.user", "postgres"),
                "");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + DATABASE);
    }
    Path imports = home.resolve("data/import");
    Files.createDirectories(imports);
    Files.copy(
        VaultServer.repoRoot().resolve("config/keycloak/zhusan-realm.json"),
        imports.resolve("zhusan-realm.json"),
        StandardCopyOption.REPLACE_EXISTING);
    ProcessBuilder pb =
        new ProcessBuilder(
            home.resolve("bin/kc.sh").toString(),
            "start",
            "--optimized",
            "--http-enabled=true",
            "--http-host=127.0.0.1",
            "--http-port=" + port,
            "--http-management-port=" + VaultServer.freePort(),
            "--hostname=http://127.0.0.1:" + port,
            "--cache=local",
            "--import-realm",
            "--db-url=" + VaultServer.adminUrl(DATABASE),
            "--db-username=" + System.getProperty("it.db.admin.user", "postgres"),
            "--db-password=trust-auth-ignores-it");
    pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
    pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    pb.environment().put("VAULT_WEB_URL", webAppUrl);
    pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
    pb.redirectErrorStream(true)
        .redirectOutput(VaultServer.repoRoot().resolve("target/keycloak-server.log").toFile());
    long started = System.nanoTime();
    KeycloakServer server = new KeycloakServer(pb.start(), port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    server.awaitRealm(Duration.ofMinutes(8));
    System.out.printf(
        "Keycloak %s ready in %.1f s (realm imported)%n",
        VERSION, (System.nanoTime() - started) / 1e9);
    server.addDirectClient();
    return server;
  }

  private static void buildOnce(Path home) throws Exception {
    Path marker = home.resolve(".zhusan-built");
    if (Files.exists(marker)) {
      return;
    }
    long started = System.nanoTime();
    Process build =
        new ProcessBuilder(
                home.resolve("bin/kc.sh").toString(),
                "build",
                "--db=postgres",
                "--health-enabled=true")
            .redirectErrorStream(true)
            .redirectOutput(VaultServer.repoRoot().resolve("target/keycloak-build.log").toFile())
            .start();
    if (build.waitFor() != 0) {
      throw new IllegalStateException("kc.sh build failed; see target/keycloak-build.log");
    }
    Files.writeString(marker, "built\n");
    System.out.printf(
        "Keycloak %s built in %.1f s%n", VERSION, (System.nanoTime() - started) / 1e9);
  }

  private void awaitRealm(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited; see target/keycloak-server.log");
      }
      try {
        HttpResponse<String> r =
            HTTP.send(
                HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException(
        "Keycloak did not become ready; see target/keycloak-server.log");
  }

  public void stop() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- tokens
  // -------------------------------------------------------------------------------------

  /**
   * The token endpoint's answer for a password grant on the test client (access and refresh token).
   */
  public JsonObject passwordGrant(String username, String password) throws Exception {
    return tokenRequest(
        Map.of(
            "grant_type",
            "password",
            "client_id",
            DIRECT_CLIENT,
            "username",
            username,
            "password",
            password));
  }

  /** A refresh on the test client: the answer's status and body. */
  public HttpResponse<String> refresh(String refreshToken) throws Exception {
    return post(
        issuer() + "/protocol/openid-connect/token",
        form(
            Map.of(
                "grant_type",
                "refresh_token",
                "client_id",
                DIRECT_CLIENT,
                "refresh_token",
                refreshToken)),
        null);
  }

  /** An access token for an example user of the realm file (their development passwords). */
  public String accessToken(String username) throws Exception {
    return passwordGrant(username, "dev-only-" + username).getString("access_token");
  }

  /**
   * An access token that expires {@code seconds} after issue, from a client of its own whose token
   * lifetime is overridden (the realm's stays five minutes).
   */
  public synchronized String shortLivedAccessToken(String username, int seconds) throws Exception {
    String clientId = DIRECT_CLIENT + "-" + seconds + "s";
    if (!json("{\"list\":" + admin("GET", "/clients?clientId=" + clientId, null).body() + "}")
        .getJsonArray("list")
        .isEmpty()) {
      return tokenRequest(
              Map.of(
                  "grant_type",
                  "password",
                  "client_id",
                  clientId,
                  "username",
                  username,
                  "password",
                  "dev-only-" + username))
          .getString("access_token");
    }
    addClient(
        clientId,
        Json.createObjectBuilder().add("access.token.lifespan", Integer.toString(seconds)).build());
    return shortLivedAccessToken(username, seconds);
  }

  private JsonObject tokenRequest(Map<String, String> fields) throws Exception {
    HttpResponse<String> r = post(issuer() + "/protocol/openid-connect/token", form(fields), null);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("token request refused: " + r.statusCode() + " " + r.body());
    }
    return json(r.body());
  }

  // --- administration
  // -----------------------------------------------------------------------------

  private String adminToken() throws Exception {
    HttpResponse<String> r =
        post(
            baseUrl() + "/realms/master/protocol/openid-connect/token",
            form(
                Map.of(
                    "grant_type",
                    "password",
                    "client_id",
                    "admin-cli",
                    "username",
                    ADMIN,
                    "password",
                    ADMIN_PASSWORD)),
            null);
    return json(r.body()).getString("access_token");
  }

  /** Calls the admin REST API of the realm ({@code path} below {@code /admin/realms/zhusan}). */
  public HttpResponse<String> admin(String method, String path, String jsonBody) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/" + REALM + path))
            .header("Authorization", "Bearer " + adminToken())
            .timeout(Duration.ofSeconds(30));
    if (jsonBody != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void addDirectClient() throws Exception {
    addClient(DIRECT_CLIENT, JsonObject.EMPTY_JSON_OBJECT);
  }

  /** A password-grant client with the web app client's mappers (audience, groups, centres, upn). */
  private void addClient(String clientId, JsonObject attributes) throws Exception {
    JsonObject realmFile =
        json(Files.readString(VaultServer.repoRoot().resolve("config/keycloak/zhusan-realm.json")));
    JsonArray mappers =
        realmFile.getJsonArray("clients").getJsonObject(0).getJsonArray("protocolMappers");
    String client =
        Json.createObjectBuilder()
            .add("clientId", clientId)
            .add("publicClient", true)
            .add("directAccessGrantsEnabled", true)
            .add("standardFlowEnabled", false)
            .add("defaultClientScopes", Json.createArrayBuilder().add("basic"))
            .add("attributes", attributes)
            .add("protocolMappers", mappers)
            .build()
            .toString();
    HttpResponse<String> r = admin("POST", "/clients", client);
    if (r.statusCode() != 201) {
      throw new IllegalStateException(
          "could not add the test client: " + r.statusCode() + " " + r.body());
    }
  }

  /** The id of a user by user name. */
  public String userId(String username) throws Exception {
    HttpResponse<String> r =
        admin(
            "GET",
            "/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8),
            null);
    try (var reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readArray().getJsonObject(0).getString("id");
    }
  }

  /** The realm's key provider components of the given provider (e.g. {@code rsa-generated}). */
  public List<JsonObject> keyProviders(String providerId) throws Exception {
    HttpResponse<String> r = admin("GET", "/components?type=org.keycloak.keys.KeyProvider", null);
    try (var reader = Json.createReader(new StringReader(r.body()))) {
      return reader.readArray().stream()
          .map(JsonObject.class::cast)
          .filter(c -> providerId.equals(c.getString("providerId")))
          .toList();
    }
  }

  /** The realm id Keycloak gave the imported realm (components name it as their parent). */
  public String realmId() throws Exception {
    return json(admin("GET", "", null).body()).getString("id");
  }

  private static HttpResponse<String> post(String url, String form, String bearer)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}

package org.zhusan.vault.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhusan.vault.it.Http.get;
import static org.zhusan.vault.it.Http.problem;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.cli.TokenCommand.TokenMinter;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/** MP-JWT at the edge: only tokens signed by the configured key, for us, unexpired, get in. */
class AuthenticationIT {

  private static JWTClaimsSet.Builder validClaims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(TokenMinter.DEV_ISSUER)
        .audience(TokenMinter.DEV_AUDIENCE)
        .subject("mallory")
        .claim("upn", "mallory")
        .claim("groups", List.of("LAWYER"))
        .claim("centres", List.of("AST-01"))
        .jwtID(java.util.UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
  }

  @Test
  void lawyerTokenSeesItsRolesAndCentres() throws Exception {
    HttpResponse<String> r =
        get("/api/me", Tokens.token("alice", List.of("LAWYER"), List.of("AST-01", "ALA-01")));
    assertEquals(200, r.statusCode(), r.body());
    JsonObject me = Http.json(r);
    assertEquals("alice", me.getString("user"));
    assertEquals(
        List.of("LAWYER"),
        me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals(
        List.of("ALA-01", "AST-01"),
        me.getJsonArray("centres").getValuesAs(jakarta.json.JsonString::getString));
  }

  @Test
  void requestWithoutTokenIsUnauthorized() throws Exception {
    problem(get("/api/me", null), 401);
  }

  @Test
  void expiredTokenIsUnauthorized() throws Exception {
    Instant past = Instant.now().minus(Duration.ofHours(3));
    String token =
        Tokens.devMinterForTests()
            .mintAt(
                "alice",
                List.of("LAWYER"),
                List.of("AST-01"),
                past,
                past.plus(Duration.ofHours(1)),
                TokenMinter.DEV_ISSUER,
                TokenMinter.DEV_AUDIENCE);
    problem(get("/api/me", token), 401);
  }

  @Test
  void tokenSignedByAnotherKeyIsUnauthorized() throws Exception {
    RSAKey other = new RSAKeyGenerator(2048).generate();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
            validClaims().build());
    jwt.sign(new RSASSASigner(other));
    problem(get("/api/me", jwt.serialize()), 401);
  }

  @Test
  void unsignedAlgNoneTokenIsUnauthorized() throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String body =
        b64.encodeToString(validClaims().build().toString().getBytes(StandardCharsets.UTF_8));
    problem(get("/api/me", header + "." + body + "."), 401);
  }

  @Test
  void tokenFromAnotherIssuerIsUnauthorized() throws Exception {
    String token =
        Tokens.devMinterForTests()
            .mint(
                "alice",
                List.of("LAWYER"),
                List.of("AST-01"),
                Duration.ofHours(1),
                "https://evil.example/idp",
                TokenMinter.DEV_AUDIENCE);
    problem(get("/api/me", token), 401);
  }

  @Test
  void tokenForAnotherAudienceIsUnauthorized() throws Exception {
    String token =
        Tokens.devMinterForTests()
            .mint(
                "alice",
                List.of("LAWYER"),
                List.of("AST-01"),
                Duration.ofHours(1),
                TokenMinter.DEV_ISSUER,
                "some-other-service");
    problem(get("/api/me", token), 401);
  }

  private static String devSigned(JWTClaimsSet claims) throws Exception {
    RSAKey dev =
        JWK.parseFromPEMEncodedObjects(
                Files.readString(
                    VaultServer.repoRoot().resolve("keys-example/jwt-dev-private.pem")))
            .toRSAKey();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new RSASSASigner(dev));
    return jwt.serialize();
  }

  @Test
  void tokenSignedWithNimbusByTheTrustedKeyIsAccepted() throws Exception {
    // The control for the refusals below: the same hand-made claims, nothing wrong with them.
    assertEquals(200, get("/api/me", devSigned(validClaims().build())).statusCode());
  }

  @Test
  void tokenNotValidYetIsUnauthorized() throws Exception {
    Instant now = Instant.now();
    String token =
        devSigned(validClaims().notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10)))).build());
    JsonObject p = problem(get("/api/me", token), 401);
    assertTrue(p.getString("detail").contains("nbf"), p.toString());
  }

  @Test
  void tokenNotValidYetWithinTheClockSkewIsAccepted() throws Exception {
    Instant now = Instant.now();
    String token = devSigned(validClaims().notBeforeTime(Date.from(now.plusSeconds(20))).build());
    assertEquals(200, get("/api/me", token).statusCode());
  }

  @Test
  void tokenExpiringInACenturyIsUnauthorized() throws Exception {
    Instant now = Instant.now();
    String token =
        devSigned(
            validClaims().expirationTime(Date.from(now.plus(Duration.ofDays(36525)))).build());
    JsonObject p = problem(get("/api/me", token), 401);
    assertTrue(p.getString("detail").contains("lifetime"), p.toString());
  }

  @Test
  void tokenLivingLongerThanAnHourIsUnauthorized() throws Exception {
    Instant now = Instant.now();
    problem(
        get(
            "/api/me",
            devSigned(
                validClaims().expirationTime(Date.from(now.plus(Duration.ofMinutes(61)))).build())),
        401);
  }

  @Test
  void tokenWithoutIssueTimeIsUnauthorized() throws Exception {
    problem(get("/api/me", devSigned(validClaims().issueTime(null).build())), 401);
  }

  @Test
  void centresClaimThatIsAStringIsUnauthorized() throws Exception {
    JsonObject p =
        problem(get("/api/me", devSigned(validClaims().claim("centres", "AST-01").build())), 401);
    assertTrue(p.getString("detail").contains("centres"), p.toString());
  }

  @Test
  void centresClaimThatIsAnObjectIsUnauthorized() throws Exception {
    problem(
        get(
            "/api/me",
            devSigned(validClaims().claim("centres", java.util.Map.of("AST-01", true)).build())),
        401);
  }

  @Test
  void centresClaimWithNumbersIsUnauthorized() throws Exception {
    problem(get("/api/me", devSigned(validClaims().claim("centres", List.of(1, 2)).build())), 401);
  }

  @Test
  void garbageBearerIsUnauthorized() throws Exception {
    problem(get("/api/me", "not-a-jwt"), 401);
  }

  @Test
  void validTokenWithoutNeededRoleIsForbidden() throws Exception {
    JsonObject p =
        problem(get("/api/admin/status", Tokens.token("alice", "LAWYER", "AST-01")), 403);
    assertTrue(p.getString("detail").contains("roles"));
  }

  @Test
  void adminReachesAdminStatus() throws Exception {
    HttpResponse<String> r = get("/api/admin/status", Tokens.token("root", "ADMIN"));
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(Http.json(r).getBoolean("schemaMigrated"));
  }
}

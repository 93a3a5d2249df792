package org.zhusan.vault.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Mints a development token signed with the example key. Refuses to run outside the development
 * profile so that nobody mistakes it for a way to issue real credentials.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Mint a development JWT (development profile only).")
public class TokenCommand implements Callable<Integer> {

  @Option(
      names = "--dev",
      description = "Turn the development profile on (or set VAULT_PROFILE=dev).")
  boolean dev;

  @Option(
      names = {"-u", "--user"},
      required = true,
      description = "User id (the token's sub and upn).")
  String user;

  @Option(
      names = {"-r", "--role"},
      required = true,
      split = ",",
      description =
          "Role(s): LAWYER, PSYCHOLOGIST, PSYCHIATRIST, DOCTOR, SOCIAL_WORKER, TEACHER, THEOLOGIAN,"
              + " NGO_PARTNER, AUDITOR, ADMIN.")
  List<String> roles;

  @Option(
      names = {"-c", "--centre"},
      split = ",",
      description = "Centre code(s), e.g. AST-01.")
  List<String> centres = List.of();

  @Option(
      names = "--ttl",
      defaultValue = "PT1H",
      description =
          "Lifetime as an ISO-8601 duration (default ${DEFAULT-VALUE}; the vault refuses tokens"
              + " living longer than vault.tokens.max-lifetime).")
  Duration ttl;

  @Option(
      names = "--issuer",
      defaultValue = TokenMinter.DEV_ISSUER,
      description = "Issuer (default ${DEFAULT-VALUE}).")
  String issuer;

  @Option(
      names = "--audience",
      defaultValue = TokenMinter.DEV_AUDIENCE,
      description = "Audience (default ${DEFAULT-VALUE}).")
  String audience;

  @Option(
      names = "--key",
      description = "PEM private key (default keys-example/jwt-dev-private.pem).")
  Path key;

  @Override
  public Integer call() throws Exception {
    if (!DevProfile.on(dev)) {
      System.err.println(
          "Refusing: 'token' mints development tokens only. Pass --dev or set VAULT_PROFILE=dev.");
      return 2;
    }
    Path pem = key != null ? key : DevProfile.exampleKeys().resolve("jwt-dev-private.pem");
    System.out.println(TokenMinter.fromPem(pem).mint(user, roles, centres, ttl, issuer, audience));
    return 0;
  }

  /** Signs RS256 tokens with the claims the vault reads. Also used by the integration tests. */
  public static final class TokenMinter {
    public static final String DEV_ISSUER = "https://zhusan.example/dev-idp";
    public static final String DEV_AUDIENCE = "zhusan-vault";
    private final JWK key;

    private TokenMinter(JWK key) {
      this.key = key;
    }

    public static TokenMinter fromPem(Path pem) throws IOException, JOSEException {
      return new TokenMinter(JWK.parseFromPEMEncodedObjects(Files.readString(pem)));
    }

    public String mint(
        String user,
        List<String> roles,
        List<String> centres,
        Duration ttl,
        String issuer,
        String audience)
        throws JOSEException {
      Instant now = Instant.now();
      return mintAt(user, roles, centres, now, now.plus(ttl), issuer, audience);
    }

    public String mintAt(
        String user,
        List<String> roles,
        List<String> centres,
        Instant issuedAt,
        Instant expiresAt,
        String issuer,
        String audience)
        throws JOSEException {
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer(issuer)
              .audience(audience)
              .subject(user)
              .claim("upn", user)
              .claim("groups", roles)
              .claim("centres", centres)
              .issueTime(Date.from(issuedAt))
              .expirationTime(Date.from(expiresAt))
              .jwtID(UUID.randomUUID().toString())
              .build();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
      jwt.sign(new RSASSASigner(key.toRSAKey()));
      return jwt.serialize();
    }
  }
}

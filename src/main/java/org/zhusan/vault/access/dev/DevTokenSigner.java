package org.zhusan.vault.access.dev;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Signs RS256 JWTs with the claims the vault reads ({@code sub}, {@code upn}, {@code groups},
 * {@code centres}), using only the JDK (the WAR carries no JOSE library). Development only.
 * Immutable and thread-safe.
 */
final class DevTokenSigner {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private final PrivateKey key;

  private DevTokenSigner(PrivateKey key) {
    this.key = key;
  }

  /** From a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
  static DevTokenSigner fromPem(String pem) {
    String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    try {
      return new DevTokenSigner(
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("the development signing key is not a PKCS#8 RSA key", e);
    }
  }

  String sign(
      String user,
      List<String> roles,
      List<String> centres,
      Duration ttl,
      String issuer,
      String audience) {
    Instant now = Instant.now();
    JsonArrayBuilder groups = Json.createArrayBuilder();
    roles.forEach(groups::add);
    JsonArrayBuilder cs = Json.createArrayBuilder();
    centres.forEach(cs::add);
    String header =
        Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
    String claims =
        Json.createObjectBuilder()
            .add("iss", issuer)
            .add("aud", audience)
            .add("sub", user)
            .add("upn", user)
            .add("groups", groups)
            .add("centres", cs)
            .add("iat", now.getEpochSecond())
            .add("exp", now.plus(ttl).getEpochSecond())
            .add("jti", UUID.randomUUID().toString())
            .build()
            .toString();
    String input = b64(header) + "." + b64(claims);
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key);
      s.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing the development token failed", e);
    }
  }

  private static String b64(String json) {
    return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}

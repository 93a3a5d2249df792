package org.zhusan.vault.access.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DevSignInTest {

  @Test
  void existsOnlyInTheDevelopmentProfileWithAKey() {
    assertTrue(DevSignIn.enabled("dev", Optional.of("/keys/dev.pem")));
    assertTrue(DevSignIn.enabled(" DEV ", Optional.of("/keys/dev.pem")));
    assertFalse(DevSignIn.enabled("prod", Optional.of("/keys/dev.pem")));
    assertFalse(DevSignIn.enabled(null, Optional.of("/keys/dev.pem")));
    assertFalse(DevSignIn.enabled("dev", Optional.empty()));
    assertFalse(DevSignIn.enabled("dev", Optional.of("  ")));
  }

  @Test
  void signsTokensTheDevelopmentPublicKeyVerifies() throws Exception {
    Path root = Path.of(System.getProperty("vault.repo.root", "."));
    DevTokenSigner signer =
        DevTokenSigner.fromPem(Files.readString(root.resolve("keys-example/jwt-dev-private.pem")));
    String jwt =
        signer.sign(
            "alice",
            List.of("LAWYER"),
            List.of("AST-01"),
            Duration.ofMinutes(5),
            "https://iss",
            "aud");
    String[] parts = jwt.split("\\.");
    assertEquals(3, parts.length);
    String publicPem =
        Files.readString(root.resolve("keys-example/jwt-dev-public.pem"))
            .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initVerify(
        KeyFactory.getInstance("RSA")
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicPem))));
    s.update((parts[0] + "." + parts[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(s.verify(Base64.getUrlDecoder().decode(parts[2])));
    String claims =
        new String(
            Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(claims.contains("\"groups\":[\"LAWYER\"]"), claims);
    assertTrue(claims.contains("\"centres\":[\"AST-01\"]"), claims);
    assertTrue(claims.contains("\"iss\":\"https://iss\""), claims);
  }
}

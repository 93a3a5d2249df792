package org.zhusan.vault.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The JAX-RS application: every resource lives under {@code /api} and is protected by MicroProfile
 * JWT.
 *
 * <p>It must be a CDI bean ({@code @ApplicationScoped}); otherwise Payara cannot inject {@code
 * JsonWebToken} (WELD-001408).
 */
@ApplicationScoped
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({
  "LAWYER",
  "PSYCHOLOGIST",
  "PSYCHIATRIST",
  "DOCTOR",
  "SOCIAL_WORKER",
  "TEACHER",
  "THEOLOGIAN",
  "NGO_PARTNER",
  "AUDITOR",
  "ADMIN"
})
@OpenAPIDefinition(
    info =
        @Info(
            title = "Zhusan Vault",
            version = "0.1.0",
            description =
                "Encrypted, audited records vault. Every request needs a bearer JWT; errors are RFC"
                    + " 9457 problem JSON."),
    security = @SecurityRequirement(name = "jwt"))
@SecurityScheme(
    securitySchemeName = "jwt",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT")
public class VaultApplication extends Application {}

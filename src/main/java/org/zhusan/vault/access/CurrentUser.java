package org.zhusan.vault.access;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns the verified JWT of the current request into a {@link StaffUser}. */
@RequestScoped
public class CurrentUser {

  /** Name of the custom claim listing the centre codes a staff member works for. */
  public static final String CENTRES_CLAIM = "centres";

  @Inject JsonWebToken token;

  public StaffUser get() {
    // MicroProfile JWT's user name: upn, else preferred_username, else sub. An identity provider's
    // sub is often an opaque id (a UUID in Keycloak); the log, grants and break-glass name people
    // by
    // a stable name that colleagues and auditors can read. Development tokens carry upn = sub.
    String id = token.getName() != null ? token.getName() : token.getSubject();
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String group : token.getGroups()) {
      Role.parse(group).ifPresent(roles::add);
    }
    return new StaffUser(id, roles, centres(token.getClaim(CENTRES_CLAIM)));
  }

  private static Set<String> centres(Object claim) {
    Set<String> out = new LinkedHashSet<>();
    if (claim instanceof JsonArray array) {
      for (JsonValue v : array) {
        if (v instanceof JsonString s) {
          out.add(s.getString());
        }
      }
    } else if (claim instanceof Collection<?> c) {
      c.forEach(v -> out.add(String.valueOf(v)));
    } else if (claim instanceof JsonString s) {
      out.add(s.getString());
    } else if (claim instanceof String s) {
      out.add(s);
    }
    return out;
  }
}

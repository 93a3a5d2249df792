package org.zhusan.vault.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.platform.rest.QueryString.Parameter;

class KnownQueryParametersTest {

  @SuppressWarnings("unused")
  void endpoint(@QueryParam("user") String user, @QueryParam("limit") String limit, String body) {}

  @Test
  void acceptedNamesAreTheDeclaredQueryParams() throws Exception {
    assertEquals(
        new TreeSet<>(List.of("limit", "user")),
        KnownQueryParameters.declared(
            getClass().getDeclaredMethod("endpoint", String.class, String.class, String.class)));
  }

  @Test
  void unknownParameterIsNamedWithTheAcceptedOnes() {
    SortedSet<String> accepted = new TreeSet<>(List.of("limit", "user"));
    assertEquals(
        Optional.of("Unknown query parameter userId. This endpoint accepts: limit, user."),
        KnownQueryParameters.problem(accepted, List.of(new Parameter("userId", "alice"))));
    assertEquals(
        Optional.empty(),
        KnownQueryParameters.problem(accepted, List.of(new Parameter("user", "alice"))));
  }

  @Test
  void endpointWithoutParametersSaysSo() {
    assertTrue(
        KnownQueryParameters.problem(new TreeSet<>(), List.of(new Parameter("x", "")))
            .orElseThrow()
            .endsWith("This endpoint takes no query parameters."));
  }

  @Test
  void repeatedParameterIsRefused() {
    assertTrue(
        KnownQueryParameters.problem(
                new TreeSet<>(List.of("user")),
                List.of(new Parameter("user", "a"), new Parameter("user", "b")))
            .orElseThrow()
            .contains("more than once"));
  }
}

package org.zhusan.vault.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Every resource method accepts exactly the query parameters it declares with {@code @QueryParam},
 * each at most once; anything else is refused with 400 naming the accepted ones.
 *
 * <p>Why: an auditor who filters {@code /api/audit/entries?userId=…} (the parameter is {@code
 * user}) would otherwise get the whole log and could believe it is one person's. A filter that
 * silently does not apply is worse than an error, so this holds for every endpoint, not only the
 * filtering ones; a new endpoint gets it by declaring its parameters, nothing else.
 */
@Provider
public class KnownQueryParameters implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    context.register(new Check(declared(resource.getResourceMethod())), Priorities.USER - 100);
  }

  /** The names of the method's {@code @QueryParam} parameters. */
  static SortedSet<String> declared(Method method) {
    SortedSet<String> names = new TreeSet<>();
    for (Annotation[] annotations : method.getParameterAnnotations()) {
      for (Annotation a : annotations) {
        if (a instanceof QueryParam q) {
          names.add(q.value());
        }
      }
    }
    return names;
  }

  /** The check for one resource method. Runs after authentication and role checks. */
  @Priority(Priorities.USER - 100)
  static final class Check implements ContainerRequestFilter {
    private final SortedSet<String> accepted;

    Check(SortedSet<String> accepted) {
      this.accepted = accepted;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
      problem(accepted, QueryString.parse(ctx.getUriInfo().getRequestUri().getRawQuery()))
          .ifPresent(
              detail -> {
                throw VaultException.badRequest("unknown-query-parameter", detail);
              });
    }
  }

  /** What is wrong with {@code given} for an endpoint accepting {@code accepted}, if anything. */
  static java.util.Optional<String> problem(
      SortedSet<String> accepted, List<QueryString.Parameter> given) {
    List<String> unknown = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (QueryString.Parameter p : given) {
      if (!accepted.contains(p.name())) {
        unknown.add(QueryString.quotable(p.name()));
      } else if (!seen.add(p.name())) {
        return java.util.Optional.of(
            "Query parameter " + p.name() + " is given more than once; give it once.");
      }
    }
    if (unknown.isEmpty()) {
      return java.util.Optional.empty();
    }
    String acceptedText =
        accepted.isEmpty()
            ? "This endpoint takes no query parameters."
            : "This endpoint accepts: " + String.join(", ", accepted) + ".";
    return java.util.Optional.of(
        "Unknown query parameter"
            + (unknown.size() > 1 ? "s " : " ")
            + String.join(", ", new TreeSet<>(unknown))
            + ". "
            + acceptedText);
  }
}

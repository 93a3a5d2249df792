package org.zhusan.vault.platform.problem;

/**
 * Base of every domain exception; carries the problem it becomes at the HTTP edge. Messages are
 * shown to callers, so they must never contain sensitive plaintext.
 */
public class VaultException extends RuntimeException {
  private final transient Problem problem;

  public VaultException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public VaultException(Problem problem, Throwable cause) {
    super(problem.detail(), cause);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  /**
   * The domain exception behind a container's wrapping, if any: one thrown while a transaction
   * commits (e.g. the access log refusing in a before-commit hook) reaches the caller wrapped in
   * the transaction manager's exceptions.
   */
  public static java.util.Optional<VaultException> within(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof VaultException v) {
        return java.util.Optional.of(v);
      }
    }
    return java.util.Optional.empty();
  }

  public static VaultException badRequest(String slug, String detail) {
    return new VaultException(Problem.of(400, slug, "Bad request", detail));
  }

  public static VaultException notFound(String what) {
    return new VaultException(Problem.of(404, "not-found", "Not found", what + " was not found."));
  }

  public static VaultException forbidden(String detail) {
    return new VaultException(Problem.of(403, "forbidden", "Forbidden", detail));
  }

  public static VaultException conflict(String slug, String detail) {
    return new VaultException(Problem.of(409, slug, "Conflict", detail));
  }

  public static VaultException gone(String slug, String detail) {
    return new VaultException(Problem.of(410, slug, "Gone", detail));
  }

  public static VaultException unavailable(String slug, String detail) {
    return new VaultException(Problem.of(503, slug, "Service unavailable", detail));
  }
}

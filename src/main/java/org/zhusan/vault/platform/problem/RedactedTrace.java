package org.zhusan.vault.platform.problem;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A copy of an exception's chain (causes and suppressed exceptions) that keeps every class and
 * stack frame but no message, for the server log. A message can quote what the failing code held —
 * a SQL statement's values, a parser's view of a document, a field being validated — and invariant
 * 1 keeps those out of logs; the frames and classes are what an administrator needs to find the
 * bug.
 */
final class RedactedTrace extends Throwable {
  private RedactedTrace(Throwable original) {
    super(original.getClass().getName()); // leaves the cause unset, so that initCause may set it
    setStackTrace(original.getStackTrace());
  }

  /** The redacted copy of {@code e} and, recursively, of its causes and suppressed exceptions. */
  static Throwable of(Throwable e) {
    return copy(e, new IdentityHashMap<>());
  }

  private static Throwable copy(Throwable e, Map<Throwable, Throwable> seen) {
    Throwable known = seen.get(e);
    if (known != null) {
      return known; // a cause cycle: the JDK's printer marks it, we only must not loop
    }
    RedactedTrace copy = new RedactedTrace(e);
    seen.put(e, copy);
    if (e.getCause() != null) {
      copy.initCause(copy(e.getCause(), seen));
    }
    for (Throwable s : e.getSuppressed()) {
      copy.addSuppressed(copy(s, seen));
    }
    return copy;
  }

  @Override
  public String toString() {
    return getMessage(); // the original class name only, not "RedactedTrace: …"
  }
}

package org.zhusan.vault.audit.verify;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of verifying one export. Immutable.
 *
 * @param entriesChecked entries read whose sequence and chain link were correct, before the first
 *     problem (all of them when the export verifies)
 * @param checkpointsChecked checkpoints whose signature and root were verified (the trusted
 *     checkpoint, if one was given, included)
 * @param signedSize the largest size vouched for by a verified checkpoint
 * @param problem the first problem found, empty when the export verifies
 */
public record VerificationReport(
    long entriesChecked, long checkpointsChecked, long signedSize, Optional<Finding> problem) {

  /** Checks the counts are non-negative and {@code problem} is not null. */
  public VerificationReport {
    if (entriesChecked < 0 || checkpointsChecked < 0 || signedSize < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
    Objects.requireNonNull(problem, "problem is required (use Optional.empty()).");
  }

  /** Returns whether the export verified: no problem found. */
  public boolean ok() {
    return problem.isEmpty();
  }

  /** Returns a one- or two-line summary for people. */
  public String summary() {
    if (ok()) {
      return "OK: "
          + entriesChecked
          + " entries verified; "
          + checkpointsChecked
          + " signed checkpoint(s) verified; signed size "
          + signedSize
          + ".";
    }
    return "FAILED: "
        + problem.get()
        + "\n("
        + entriesChecked
        + " entries and "
        + checkpointsChecked
        + " checkpoint(s) passed their checks before the problem was found.)";
  }
}

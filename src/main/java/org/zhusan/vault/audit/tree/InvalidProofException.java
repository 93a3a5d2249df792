package org.zhusan.vault.audit.tree;

/**
 * Thrown when a proof, or the tree sizes and hashes it is checked against, does not verify.
 *
 * <p>The message says which check failed (wrong length, root mismatch, index outside the tree …);
 * it contains only values the caller already has, never secrets. Immutable.
 */
public final class InvalidProofException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message naming the failed check. */
  public InvalidProofException(String message) {
    super(message);
  }
}

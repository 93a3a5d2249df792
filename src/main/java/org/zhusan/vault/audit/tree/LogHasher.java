package org.zhusan.vault.audit.tree;

/**
 * The hash function of a Merkle tree log: how leaves, interior nodes and the empty tree are hashed.
 *
 * <p>Implementations must be stateless from the caller's point of view and safe for concurrent use;
 * every method returns a fresh array the caller may keep or modify.
 *
 * @see Rfc9162Hasher the only implementation the vault uses
 */
public interface LogHasher {

  /** Returns the length in bytes of every hash this hasher produces. */
  int size();

  /** Returns the root hash of the tree with no leaves. */
  byte[] emptyRoot();

  /**
   * Returns the hash of a leaf whose content is {@code leaf}.
   *
   * @param leaf the leaf content, not null (may be empty)
   */
  byte[] hashLeaf(byte[] leaf);

  /**
   * Returns the hash of an interior node from the hashes of its two children.
   *
   * @param left the left child's hash, not null
   * @param right the right child's hash, not null
   */
  byte[] hashChildren(byte[] left, byte[] right);
}

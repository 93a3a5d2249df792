package org.zhusan.vault.audit.tree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The RFC 9162 (Certificate Transparency 2.0, same as RFC 6962) Merkle tree hasher over SHA-256.
 *
 * <ul>
 *   <li>leaf hash = SHA-256(0x00 || leaf)
 *   <li>node hash = SHA-256(0x01 || left || right)
 *   <li>empty tree root = SHA-256("") = e3b0c442…b855
 * </ul>
 *
 * <p>The distinct one-byte prefixes make a leaf hash and an interior node hash unequal for every
 * input, so nobody can present an interior node as a leaf (second-preimage attack on the tree).
 *
 * <p>Thread safety: immutable and safe for concurrent use. Each thread reuses its own {@link
 * MessageDigest}, because creating one per call dominates the cost of hashing small entries.
 */
public final class Rfc9162Hasher implements LogHasher {

  /** Length of a SHA-256 hash in bytes. */
  public static final int HASH_SIZE = 32;

  /** Prefix of a leaf hash's input (RFC 9162 §2.1.1). */
  static final byte LEAF_PREFIX = 0x00;

  /** Prefix of an interior node hash's input (RFC 9162 §2.1.1). */
  static final byte NODE_PREFIX = 0x01;

  private static final Rfc9162Hasher SHA256 = new Rfc9162Hasher();

  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(Rfc9162Hasher::newSha256);

  private Rfc9162Hasher() {}

  /** Returns the RFC 9162 SHA-256 hasher. */
  public static Rfc9162Hasher sha256() {
    return SHA256;
  }

  @Override
  public int size() {
    return HASH_SIZE;
  }

  @Override
  public byte[] emptyRoot() {
    MessageDigest digest = DIGEST.get();
    digest.reset();
    return digest.digest();
  }

  @Override
  public byte[] hashLeaf(byte[] leaf) {
    Objects.requireNonNull(leaf, "leaf is required.");
    MessageDigest digest = DIGEST.get();
    digest.reset();
    digest.update(LEAF_PREFIX);
    digest.update(leaf);
    return digest.digest();
  }

  @Override
  public byte[] hashChildren(byte[] left, byte[] right) {
    Objects.requireNonNull(left, "left is required.");
    Objects.requireNonNull(right, "right is required.");
    MessageDigest digest = DIGEST.get();
    digest.reset();
    digest.update(NODE_PREFIX);
    digest.update(left);
    digest.update(right);
    return digest.digest();
  }

  @Override
  public String toString() {
    return "Rfc9162Hasher[SHA-256]";
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE platform must provide SHA-256.
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}

package org.zhusan.vault.audit.tree;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Verifies RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs.
 *
 * <p>Everything but the hasher is treated as untrusted input: sizes, indices, hashes and proof
 * elements come from a server or an export. Any inconsistency — wrong proof length, a hash of the
 * wrong size, an index outside the tree, a root that does not match — is reported as an {@link
 * InvalidProofException}; only {@code null} arguments raise {@link NullPointerException}. A proof
 * verifies only if it has exactly the expected number of elements.
 *
 * <p>The algorithms are the bit-walking ones of RFC 9162 (equivalent to transparency-dev/merkle
 * {@code proof/verify.go}); building lives in {@link InclusionProofs} and {@link
 * ConsistencyProofs}.
 *
 * <p>Thread safety: immutable and safe for concurrent use if its hasher is.
 */
public final class ProofVerifier {

  private static final ProofVerifier RFC9162 = new ProofVerifier(Rfc9162Hasher.sha256());

  private final LogHasher hasher;

  /** Creates a verifier hashing with {@code hasher}. */
  public ProofVerifier(LogHasher hasher) {
    this.hasher = Objects.requireNonNull(hasher, "hasher is required.");
  }

  /** Returns the verifier for RFC 9162 SHA-256 trees. */
  public static ProofVerifier rfc9162() {
    return RFC9162;
  }

  /**
   * Verifies that {@code leafHash} is the leaf at {@code index} of the tree of {@code size} leaves
   * whose root is {@code root}.
   *
   * @param index the leaf index; must satisfy {@code 0 <= index < size}
   * @param size the tree size
   * @param leafHash the leaf's hash
   * @param proof the audit path, bottom to top
   * @param root the expected root hash
   * @throws InvalidProofException if the proof does not verify
   */
  public void verifyInclusion(
      long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
      throws InvalidProofException {
    Objects.requireNonNull(root, "root is required.");
    checkHash(root, "root hash");
    byte[] calculated = rootFromInclusionProof(index, size, leafHash, proof);
    if (!MessageDigest.isEqual(calculated, root)) {
      throw new InvalidProofException(
          "inclusion proof of leaf " + index + " does not lead to the root of size " + size);
    }
  }

  /**
   * Returns the root hash implied by an inclusion proof of {@code leafHash} at {@code index} in a
   * tree of {@code size} leaves.
   *
   * @throws InvalidProofException if the index is outside the tree, a hash has the wrong length or
   *     the proof has the wrong number of elements
   */
  public byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof)
      throws InvalidProofException {
    Objects.requireNonNull(leafHash, "leafHash is required.");
    Objects.requireNonNull(proof, "proof is required.");
    if (index < 0 || size <= 0 || index >= size) {
      throw new InvalidProofException("leaf index " + index + " is not in a tree of size " + size);
    }
    checkHash(leafHash, "leaf hash");
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      checkHash(p, "proof element");
      if (sn == 0) {
        throw new InvalidProofException("inclusion proof has too many elements");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = hasher.hashChildren(p, r);
        // Skip the levels where this node is the right border's lone left child.
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = hasher.hashChildren(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new InvalidProofException("inclusion proof has too few elements");
    }
    return r.clone();
  }

  /**
   * Verifies that the tree of {@code size1} leaves with root {@code root1} is a prefix of the tree
   * of {@code size2} leaves with root {@code root2}.
   *
   * <p>When {@code size1 == size2} the proof must be empty and the roots equal. When {@code size1
   * == 0} the proof must be empty and {@code root1} must be the empty root: every tree extends the
   * empty tree, so {@code root2} is not checked.
   *
   * @param size1 the earlier size, {@code 0 <= size1 <= size2}
   * @param size2 the later size
   * @throws InvalidProofException if the proof does not verify
   */
  public void verifyConsistency(
      long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof)
      throws InvalidProofException {
    Objects.requireNonNull(root1, "root1 is required.");
    Objects.requireNonNull(root2, "root2 is required.");
    Objects.requireNonNull(proof, "proof is required.");
    if (size1 < 0 || size2 < size1) {
      throw new InvalidProofException("need 0 <= size1 <= size2, got " + size1 + ", " + size2);
    }
    checkHash(root1, "root1");
    checkHash(root2, "root2");
    for (byte[] c : proof) {
      checkHash(c, "proof element");
    }
    if (size1 == size2) {
      if (!proof.isEmpty()) {
        throw new InvalidProofException("sizes are equal but the consistency proof is not empty");
      }
      if (!MessageDigest.isEqual(root1, root2)) {
        throw new InvalidProofException("sizes are equal but the roots differ");
      }
      return;
    }
    if (size1 == 0) {
      if (!proof.isEmpty()) {
        throw new InvalidProofException("consistency proof from the empty tree must be empty");
      }
      if (!MessageDigest.isEqual(root1, hasher.emptyRoot())) {
        throw new InvalidProofException("root1 is not the empty root although size1 is 0");
      }
      return;
    }
    if (proof.isEmpty()) {
      throw new InvalidProofException("consistency proof is empty");
    }

    // RFC 9162 §2.1.4.2. When size1 is a power of two, root1 is itself the first node of the path.
    int next;
    byte[] seed;
    if (Long.bitCount(size1) == 1) {
      seed = root1;
      next = 0;
    } else {
      seed = proof.get(0);
      next = 1;
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    byte[] fr = seed;
    byte[] sr = seed;
    for (int i = next; i < proof.size(); i++) {
      byte[] c = proof.get(i);
      if (sn == 0) {
        throw new InvalidProofException("consistency proof has too many elements");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = hasher.hashChildren(c, fr);
        sr = hasher.hashChildren(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = hasher.hashChildren(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new InvalidProofException("consistency proof has too few elements");
    }
    if (!MessageDigest.isEqual(fr, root1)) {
      throw new InvalidProofException("consistency proof does not lead to root1 of size " + size1);
    }
    if (!MessageDigest.isEqual(sr, root2)) {
      throw new InvalidProofException("consistency proof does not lead to root2 of size " + size2);
    }
  }

  private void checkHash(byte[] hash, String what) throws InvalidProofException {
    Objects.requireNonNull(hash, what + " is required.");
    if (hash.length != hasher.size()) {
      throw new InvalidProofException(
          what + " must be " + hasher.size() + " bytes, got " + hash.length);
    }
  }
}

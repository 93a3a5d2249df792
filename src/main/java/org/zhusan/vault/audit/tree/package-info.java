/**
 * The pure core of the tamper-evident access log: RFC 9162 Merkle tree hashing, streaming root
 * computation, inclusion and consistency proofs, the canonical byte encoding of one access-log
 * entry, and Ed25519-signed checkpoints.
 *
 * <p>Nothing in this package touches JPA, CDI, JAX-RS or JSON: it is plain Java 17 plus
 * BouncyCastle, tested with plain JUnit, so that an auditor's offline tool and the server share
 * exactly the same code for what an entry hashes to and what a checkpoint signs.
 *
 * <p>Conventions, following transparency-dev/merkle:
 *
 * <ul>
 *   <li>Hashing is domain separated as in RFC 9162 §2.1.1: leaf = SHA-256(0x00 || data), interior
 *       node = SHA-256(0x01 || left || right), empty tree = SHA-256("").
 *   <li>Proof <em>building</em> ({@link org.zhusan.vault.audit.tree.InclusionProofs}, {@link
 *       org.zhusan.vault.audit.tree.ConsistencyProofs}) and proof <em>verification</em> ({@link
 *       org.zhusan.vault.audit.tree.ProofVerifier}) live in separate classes; the verifier trusts
 *       nothing it is given.
 *   <li>Preconditions are written in the Javadoc and checked: {@code null} arguments raise {@link
 *       java.lang.NullPointerException}, caller mistakes {@link
 *       java.lang.IllegalArgumentException}, and untrusted data that fails to verify a checked
 *       {@link org.zhusan.vault.audit.tree.InvalidProofException}.
 *   <li>Tree sizes and leaf indices are {@code long}s and must be non-negative.
 * </ul>
 */
package org.zhusan.vault.audit.tree;

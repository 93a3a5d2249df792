package org.zhusan.vault.audit.tree;

/**
 * Reads stored node hashes of a log's Merkle tree by level and index: level 0 are the leaf hashes,
 * level {@code h} the perfect subtrees of {@code 2^h} leaves (node {@code i} covering leaves {@code
 * [i << h, (i + 1) << h)}). {@link TiledTree} asks for level 0 and for the levels it stores (every
 * {@value TiledTree#TILE_HEIGHT}th), a tile of consecutive nodes at a time.
 */
@FunctionalInterface
public interface NodeReader {

  /**
   * Returns the stored hashes of nodes {@code [from, from + count)} at {@code level}: an array of
   * {@code count} elements, each the node's hash or {@code null} where none is stored. Leaves
   * (level 0) below the tree size the caller works on must all be served.
   */
  byte[][] read(int level, long from, int count);
}

package org.zhusan.vault.audit.tree;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Merkle tree of a log's first {@code size} leaves, read from stored node hashes so that a
 * proof costs O(log n) reads instead of rehashing the log.
 *
 * <p>The server stores the hash of every perfect subtree whose height is a multiple of {@value
 * #TILE_HEIGHT} (the "strata" 8, 16, 24, …; level 0 is the leaves themselves), as Trillian's and
 * Tessera's tiles do. Any other perfect subtree is folded from at most {@code 2^7} nodes of the
 * stratum below it, which lie in one tile of {@value #TILE_WIDTH} consecutive nodes; a stored node
 * that is missing (not yet written, e.g. beyond the last checkpoint) is folded from the tile below.
 * An inclusion or consistency proof thus reads about one tile per stratum: three or four range
 * reads for ten million entries.
 *
 * <p>Nothing read is trusted: a wrong stored hash yields a proof that fails against the signed
 * root, which is what a verifier checks.
 *
 * <p>Tiles read are kept in a small least-recently-used cache ({@value #CACHED_TILES} tiles, about
 * 0.6 MiB), so one instance may serve a stream of proofs (an export) in bounded memory.
 *
 * <p>Thread safety: not thread-safe (the cache); one instance per request.
 */
public final class TiledTree implements SubtreeHashes {

  /** Levels between stored strata. */
  public static final int TILE_HEIGHT = 8;

  /** Nodes in one tile of a stratum. */
  public static final int TILE_WIDTH = 1 << TILE_HEIGHT;

  static final int CACHED_TILES = 64;

  private final LogHasher hasher;
  private final NodeReader reader;
  private final long size;
  private final Map<TileId, byte[][]> tiles =
      new LinkedHashMap<>(CACHED_TILES * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TileId, byte[][]> eldest) {
          return size() > CACHED_TILES;
        }
      };

  /**
   * Creates the tree of the first {@code size} leaves over {@code reader}.
   *
   * @param size {@code >= 0}
   */
  public TiledTree(LogHasher hasher, NodeReader reader, long size) {
    this.hasher = Objects.requireNonNull(hasher, "hasher is required.");
    this.reader = Objects.requireNonNull(reader, "reader is required.");
    if (size < 0) {
      throw new IllegalArgumentException("size must be >= 0, got " + size);
    }
    this.size = size;
  }

  /** Returns the number of leaves of this tree. */
  public long size() {
    return size;
  }

  /** Returns {@code MTH(D[0:size])}. */
  public byte[] rootHash() {
    return hash(0, size);
  }

  /** Returns the hash of leaf {@code index}. */
  public byte[] leafHash(long index) {
    return perfect(0, index);
  }

  /**
   * {@inheritDoc}
   *
   * <p>By RFC 9162's definition, splitting at the largest power of two below the length; a range
   * whose start is aligned to its length's next power of two (every range a proof asks for) meets
   * only O(log n) perfect subtrees on the way.
   */
  @Override
  public byte[] hash(long begin, long end) {
    if (begin < 0 || end < begin || end > size) {
      throw new IllegalArgumentException(
          "need 0 <= begin <= end <= " + size + ", got [" + begin + ", " + end + ")");
    }
    if (begin == end) {
      return hasher.emptyRoot();
    }
    return mth(begin, end);
  }

  private byte[] mth(long begin, long end) {
    long n = end - begin;
    if (Long.bitCount(n) == 1 && begin % n == 0) {
      int level = Long.numberOfTrailingZeros(n);
      return perfect(level, begin >>> level);
    }
    long k = MerkleTree.splitPoint(n);
    return hasher.hashChildren(mth(begin, begin + k), mth(begin + k, end));
  }

  /**
   * Returns the hash of the perfect subtree of height {@code level} covering leaves {@code [index
   * << level, (index + 1) << level)}, which must lie within the tree.
   */
  public byte[] perfect(int level, long index) {
    if (level < 0 || level > 62 || index < 0 || (index + 1) > (size >>> level)) {
      throw new IllegalArgumentException(
          "no perfect subtree at level " + level + ", index " + index + " in a tree of " + size);
    }
    int stratum = level - level % TILE_HEIGHT;
    return fold(stratum, index << (level - stratum), level - stratum);
  }

  // The perfect subtree of 2^height nodes of `stratum`, starting at node `first`.
  private byte[] fold(int stratum, long first, int height) {
    int width = 1 << height;
    byte[][] row = new byte[width][];
    for (int i = 0; i < width; i++) {
      row[i] = node(stratum, first + i);
    }
    for (int n = width; n > 1; n >>>= 1) {
      for (int i = 0; i < n / 2; i++) {
        row[i] = hasher.hashChildren(row[2 * i], row[2 * i + 1]);
      }
    }
    return row[0];
  }

  // A node of a stored stratum: as stored, or folded from the stratum below when it is missing.
  private byte[] node(int stratum, long index) {
    byte[][] tile = tile(stratum, index >>> TILE_HEIGHT);
    int slot = (int) (index & (TILE_WIDTH - 1));
    if (tile[slot] == null) {
      if (stratum == 0) {
        throw new IllegalStateException("leaf " + index + " is not stored");
      }
      tile[slot] = fold(stratum - TILE_HEIGHT, index << TILE_HEIGHT, TILE_HEIGHT);
    }
    return tile[slot];
  }

  private byte[][] tile(int stratum, long tileIndex) {
    TileId id = new TileId(stratum, tileIndex);
    byte[][] tile = tiles.get(id);
    if (tile == null) {
      long first = tileIndex << TILE_HEIGHT;
      int complete = (int) Math.min(TILE_WIDTH, (size >>> stratum) - first);
      byte[][] read = reader.read(stratum, first, complete);
      if (read.length != complete) {
        throw new IllegalStateException(
            "asked for " + complete + " nodes at level " + stratum + ", got " + read.length);
      }
      tile = new byte[TILE_WIDTH][];
      for (int i = 0; i < complete; i++) {
        if (read[i] != null && read[i].length != hasher.size()) {
          throw new IllegalStateException(
              "stored node " + (first + i) + " at level " + stratum + " is not a hash");
        }
        tile[i] = read[i];
      }
      tiles.put(id, tile);
    }
    return tile;
  }

  /** Whether {@code level} is one whose nodes the server stores (a stratum above the leaves). */
  public static boolean isStoredLevel(int level) {
    return level > 0 && level % TILE_HEIGHT == 0;
  }

  private record TileId(int stratum, long index) {}
}

package org.zhusan.vault.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;
import org.zhusan.vault.audit.tree.CompactRange;
import org.zhusan.vault.audit.tree.MerkleTree;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.audit.tree.TiledTree;

/**
 * One pass of the check before a checkpoint is signed, over entries streamed in sequence order:
 * each entry re-encoded and re-hashed against its stored leaf hash, chained to its predecessor,
 * without gaps, appended to the tree, compared with the checkpoints it reaches; and the perfect
 * subtrees it completes at the stored levels collected for {@code access_log_subtree}. The first
 * problem found is kept; later entries are not checked.
 */
final class LogCheck {
  private final CompactRange range;
  private final Map<Long, SignedCheckpoint> earlier;
  private final List<StoredSubtree> subtrees = new ArrayList<>();
  private byte[] previous = new byte[32];
  private String problem;

  private LogCheck(CompactRange range, Map<Long, SignedCheckpoint> earlier) {
    this.range = range;
    this.earlier = earlier;
  }

  /** A pass from entry 0 that also compares the tree with each of {@code checkpoints}. */
  static LogCheck fromStart(List<SignedCheckpoint> checkpoints) {
    Map<Long, SignedCheckpoint> bySize = new HashMap<>();
    for (SignedCheckpoint c : checkpoints) {
      bySize.put(c.checkpoint().size(), c);
    }
    return new LogCheck(MerkleTree.rfc9162().newCompactRange(), bySize);
  }

  /**
   * A pass continuing the tree {@code range} (restored from the last checkpoint); the entry before
   * it must be given to {@link #anchor} first.
   */
  static LogCheck continuing(CompactRange range) {
    return new LogCheck(range, Map.of());
  }

  /** The last entry the restored range covers: what the next entry must chain to. */
  void anchor(AuditEntry e, byte[] stored) {
    byte[] leaf = AuditEntryEncoding.leafHash(e);
    if (e.sequence() != range.size() - 1 || !Arrays.equals(leaf, stored)) {
      fail("entry " + e.sequence() + " does not match its stored leaf hash");
    } else if ((range.size() & 1) == 1) {
      // An odd-sized range ends with the leaf itself: the signed root vouches for it.
      List<byte[]> hashes = range.hashes();
      if (!Arrays.equals(hashes.get(hashes.size() - 1), leaf)) {
        fail("entry " + e.sequence() + " is not the entry the last checkpoint covers");
      }
    }
    previous = leaf;
  }

  void entry(AuditEntry e, byte[] stored) {
    if (problem != null) {
      return;
    }
    byte[] leaf = AuditEntryEncoding.leafHash(e);
    if (e.sequence() != range.size()) {
      fail("sequence gap or duplicate at entry " + range.size());
      return;
    } else if (!Arrays.equals(leaf, stored)) {
      fail("entry " + e.sequence() + " does not match its stored leaf hash");
    } else if (!Arrays.equals(previous, e.previousLeafHash())) {
      fail("entry " + e.sequence() + " does not chain to entry " + (e.sequence() - 1));
    }
    range.append(
        leaf,
        (level, index, hash) -> {
          if (TiledTree.isStoredLevel(level)) {
            subtrees.add(new StoredSubtree(level, index, hash));
          }
        });
    previous = leaf;
    SignedCheckpoint c = earlier.get(range.size());
    if (problem == null
        && c != null
        && !Arrays.equals(c.checkpoint().rootHash(), range.rootHash())) {
      fail("tree of size " + range.size() + " no longer matches its signed checkpoint");
    }
  }

  /** Checks that the pass reached the head's size. */
  void finish(long size) {
    if (problem == null && range.size() != size) {
      fail("the log holds " + range.size() + " entries but its head says " + size);
    }
  }

  void fail(String why) {
    if (problem == null) {
      problem = why;
    }
  }

  Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  CompactRange range() {
    return range;
  }

  List<StoredSubtree> subtrees() {
    return subtrees;
  }
}

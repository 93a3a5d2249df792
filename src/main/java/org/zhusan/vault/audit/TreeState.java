package org.zhusan.vault.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zhusan.vault.audit.tree.SignedCheckpoint;

/**
 * A stored checkpoint and the compact range stored with it (the concatenated hashes of the perfect
 * subtrees covering its size), from which the next checkpoint continues.
 */
public record TreeState(SignedCheckpoint checkpoint, Optional<byte[]> rangeHashes) {

  /** The stored hashes split into 32-byte hashes, left to right. */
  public List<byte[]> hashes() {
    byte[] all = rangeHashes.orElseThrow();
    List<byte[]> out = new ArrayList<>(all.length / 32);
    for (int i = 0; i + 32 <= all.length; i += 32) {
      out.add(java.util.Arrays.copyOfRange(all, i, i + 32));
    }
    return out;
  }
}

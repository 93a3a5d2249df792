package org.zhusan.vault.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.zhusan.vault.audit.tree.InclusionProofs;
import org.zhusan.vault.audit.tree.MerkleTree;
import org.zhusan.vault.audit.tree.NodeReader;
import org.zhusan.vault.audit.tree.TiledTree;
import org.zhusan.vault.it.VaultServer;

/** Diagnostic (not a benchmark): a proof at the head when the latest checkpoint lags behind. */
public final class TileGapProbe {
  public static void main(String[] args) throws Exception {
    String db = args.length > 0 ? args[0] : "zhusan_bench_10m";
    int gap = args.length > 1 ? Integer.parseInt(args[1]) : 99_999;
    String url = VaultServer.adminUrl(db);
    LogFiller.appendChecked(() -> DriverManager.getConnection(url, VaultServer.OWNER, ""), gap);
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      long head, checkpoint;
      try (ResultSet rs = s.executeQuery("SELECT next_sequence FROM access_log_head")) {
        rs.next();
        head = rs.getLong(1);
      }
      try (ResultSet rs = s.executeQuery("SELECT max(tree_size) FROM access_log_checkpoint")) {
        rs.next();
        checkpoint = rs.getLong(1);
      }
      PreparedStatement leaves =
          c.prepareStatement(
              "SELECT sequence, leaf_hash FROM access_log WHERE sequence >= ? AND sequence < ?");
      PreparedStatement nodes =
          c.prepareStatement(
              "SELECT idx, hash FROM access_log_subtree WHERE level = ? AND idx >= ? AND idx < ?");
      long[] reads = new long[2];
      NodeReader reader =
          (level, from, count) -> {
            reads[0]++;
            reads[1] += count;
            byte[][] out = new byte[count][];
            try {
              PreparedStatement ps = level == 0 ? leaves : nodes;
              int p = 1;
              if (level != 0) {
                ps.setShort(p++, (short) level);
              }
              ps.setLong(p++, from);
              ps.setLong(p, from + count);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out[Math.toIntExact(rs.getLong(1) - from)] = rs.getBytes(2);
                }
              }
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
            return out;
          };
      for (long size : new long[] {checkpoint, head, checkpoint, head}) {
        reads[0] = 0;
        reads[1] = 0;
        long t0 = System.nanoTime();
        TiledTree tree = new TiledTree(MerkleTree.rfc9162().hasher(), reader, size);
        new InclusionProofs(tree).inclusionProof(12_345, size);
        tree.rootHash();
        System.out.printf(
            "inclusion proof in the tree of %,d (latest checkpoint %,d, head %,d): %.1f ms, %,d"
                + " reads of %,d nodes%n",
            size, checkpoint, head, (System.nanoTime() - t0) / 1e6, reads[0], reads[1]);
      }
    }
  }
}

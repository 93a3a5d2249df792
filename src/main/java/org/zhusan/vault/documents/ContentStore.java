package org.zhusan.vault.documents;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypted content in PostgreSQL, cut into rows of {@code vault.documents.chunk-bytes} (default 1
 * MiB). Writing and reading happen on the caller's JTA transaction's connection, so the chunks of a
 * version commit together with its metadata and its access-log entry, or not at all: a crash
 * mid-upload leaves nothing behind, and no sweeper is needed. Only ciphertext passes through here.
 */
@ApplicationScoped
public class ContentStore {
  @Resource(lookup = "java:app/jdbc/vault")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "vault.documents.chunk-bytes", defaultValue = "1048576")
  int chunkBytes;

  /** A sink for one version's ciphertext; {@link ChunkWriter#close()} writes the last row. */
  public ChunkWriter writer(UUID versionId) throws SQLException {
    return new ChunkWriter(dataSource.getConnection(), versionId, chunkBytes);
  }

  /** The ciphertext of a version, row by row. */
  public InputStream reader(UUID versionId, int chunkCount) throws SQLException {
    return new ChunkReader(dataSource.getConnection(), versionId, chunkCount);
  }

  /** Buffers one row's worth of ciphertext and inserts it. */
  public static final class ChunkWriter extends OutputStream {
    private final Connection connection;
    private final PreparedStatement insert;
    private final UUID versionId;
    private final byte[] buffer;
    private int filled;
    private int seq;
    private long total;
    private boolean closed;

    ChunkWriter(Connection connection, UUID versionId, int chunkBytes) throws SQLException {
      this.connection = connection;
      this.insert =
          connection.prepareStatement(
              "INSERT INTO content_chunk (version_id, seq, data) VALUES (?, ?, ?)");
      this.versionId = versionId;
      this.buffer = new byte[chunkBytes];
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        int n = Math.min(len, buffer.length - filled);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        off += n;
        len -= n;
        total += n;
        if (filled == buffer.length) {
          flushRow();
        }
      }
    }

    private void flushRow() throws IOException {
      if (filled == 0) {
        return;
      }
      try {
        insert.setObject(1, versionId);
        insert.setInt(2, seq++);
        insert.setBytes(
            3, filled == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, filled));
        insert.executeUpdate();
        filled = 0;
      } catch (SQLException e) {
        throw new IOException("content could not be stored", e);
      }
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        flushRow();
      } finally {
        try {
          insert.close();
          connection.close();
        } catch (SQLException e) {
          throw new IOException(e);
        }
      }
    }

    public int chunks() {
      return seq;
    }

    public long bytes() {
      return total;
    }
  }

  /** Reads one row at a time (one query per row keeps memory flat and needs no cursor). */
  static final class ChunkReader extends InputStream {
    private final Connection connection;
    private final PreparedStatement select;
    private final int chunkCount;
    private int next;
    private byte[] current = new byte[0];
    private int pos;

    ChunkReader(Connection connection, UUID versionId, int chunkCount) throws SQLException {
      this.connection = connection;
      this.select =
          connection.prepareStatement(
              "SELECT data FROM content_chunk WHERE version_id = ? AND seq = ?");
      this.select.setObject(1, versionId);
      this.chunkCount = chunkCount;
    }

    private boolean fill() throws IOException {
      while (pos >= current.length) {
        if (next >= chunkCount) {
          return false;
        }
        try {
          select.setInt(2, next++);
          try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
              throw new IOException("content row " + (next - 1) + " is missing");
            }
            current = rs.getBytes(1);
            pos = 0;
          }
        } catch (SQLException e) {
          throw new IOException("content could not be read", e);
        }
      }
      return true;
    }

    @Override
    public int read() throws IOException {
      return fill() ? current[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(len, current.length - pos);
      System.arraycopy(current, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      try {
        select.close();
        connection.close();
      } catch (SQLException e) {
        throw new IOException(e);
      }
    }
  }
}

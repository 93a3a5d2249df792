package org.zhusan.vault.documents;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

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

  @Inject DocumentSettings settings;

  @Resource ManagedThreadFactory threadFactory;

  private ExecutorService readAheadThreads;

  /** A sink for one version's ciphertext; {@link ChunkWriter#close()} writes the last row. */
  public ChunkWriter writer(UUID versionId) throws SQLException {
    return new ChunkWriter(
        dataSource.getConnection(), "content_chunk", versionId, settings.chunkBytes());
  }

  /**
   * A sink for a legacy version's re-sealed ciphertext, staged beside its current rows until {@code
   * reseal_document_version} swaps them (migration V11).
   */
  ChunkWriter resealWriter(UUID versionId) throws SQLException {
    return new ChunkWriter(
        dataSource.getConnection(), "content_reseal", versionId, settings.chunkBytes());
  }

  /** The ciphertext of a version, row by row, read on the caller's thread. */
  public InputStream reader(UUID versionId, int chunkCount) throws SQLException {
    return new ChunkReader(new Slices(dataSource.getConnection(), versionId, chunkCount));
  }

  /**
   * The ciphertext of a version, row by row, read ahead on another thread while the caller works on
   * what it has (downloads). Only the caller's transaction's connection is used, by one thread at a
   * time.
   */
  public InputStream readAheadReader(UUID versionId, int chunkCount)
      throws SQLException, IOException {
    return new ReadAheadReader(
        new Slices(dataSource.getConnection(), versionId, chunkCount), readAheadThreads());
  }

  /** Threads for reading ahead, made on demand by the container and kept while in use. */
  private synchronized ExecutorService readAheadThreads() {
    if (readAheadThreads == null) {
      readAheadThreads = Executors.newCachedThreadPool(threadFactory);
    }
    return readAheadThreads;
  }

  @PreDestroy
  synchronized void stopReadingAhead() {
    if (readAheadThreads != null) {
      readAheadThreads.shutdownNow();
    }
  }

  /**
   * Buffers one row's worth of ciphertext and inserts it. The buffer starts small and doubles up to
   * the row size as the content grows: most documents are far smaller than a row (1 MiB by
   * default), and a row-sized buffer per upload would be garbage of a row's size each time, which
   * for G1 is a humongous object (a collection cycle for every few dozen small uploads).
   */
  public static final class ChunkWriter extends OutputStream {
    /** First size of the row buffer: a typical page-sized document fits without growing. */
    static final int INITIAL_BUFFER = 64 * 1024;

    private final Connection connection;
    private final PreparedStatement insert;
    private final UUID versionId;
    private final int chunkBytes;
    private byte[] buffer;
    private int filled;
    private int seq;
    private long total;
    private boolean closed;

    ChunkWriter(Connection connection, String table, UUID versionId, int chunkBytes)
        throws SQLException {
      this.connection = connection;
      this.insert =
          connection.prepareStatement(
              "INSERT INTO " + table + " (version_id, seq, data) VALUES (?, ?, ?)");
      this.versionId = versionId;
      this.chunkBytes = chunkBytes;
      this.buffer = new byte[Math.min(chunkBytes, INITIAL_BUFFER)];
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (filled == buffer.length) {
          buffer = java.util.Arrays.copyOf(buffer, Math.min(chunkBytes, buffer.length * 2));
        }
        int n = Math.min(len, buffer.length - filled);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        off += n;
        len -= n;
        total += n;
        if (filled == chunkBytes) {
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

  /**
   * A version's rows, each fetched with one query as slices of at most {@value #SLICE_BYTES} bytes.
   * Slices rather than whole values: the JDBC driver allocates each value it receives as one array,
   * and a whole 1 MiB row is a "humongous" object for G1 in a small heap (1 MiB regions below 2
   * GiB; half a region is humongous), each one costing a garbage collection of its own; a slice is
   * an ordinary young object. PostgreSQL reads a slice of an uncompressed TOAST value (ciphertext
   * never compresses) without fetching the rest of the row.
   */
  static final class Slices implements AutoCloseable {
    static final int SLICE_BYTES = 384 * 1024;

    private final Connection connection;
    private final PreparedStatement select;
    private final int chunkCount;
    private int seq;
    private ResultSet row;
    private boolean rowHadSlices;

    Slices(Connection connection, UUID versionId, int chunkCount) throws SQLException {
      this.connection = connection;
      try {
        this.select =
            connection.prepareStatement(
                "SELECT substring(c.data FROM s.o FOR ?) FROM content_chunk c,"
                    + " generate_series(1, octet_length(c.data), ?) AS s(o)"
                    + " WHERE c.version_id = ? AND c.seq = ? ORDER BY s.o");
        select.setInt(1, SLICE_BYTES);
        select.setInt(2, SLICE_BYTES);
        select.setObject(3, versionId);
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      this.chunkCount = chunkCount;
    }

    /** The next slice (never empty), or null after the last row. */
    byte[] next() throws IOException {
      try {
        while (true) {
          if (row != null) {
            if (row.next()) {
              byte[] slice = row.getBytes(1);
              rowHadSlices = true;
              if (slice != null && slice.length > 0) {
                return slice;
              }
              continue;
            }
            row.close();
            row = null;
            if (!rowHadSlices) {
              throw new IOException("content row " + (seq - 1) + " is missing");
            }
          }
          if (seq >= chunkCount) {
            return null;
          }
          select.setInt(4, seq++);
          row = select.executeQuery();
          rowHadSlices = false;
        }
      } catch (SQLException e) {
        throw new IOException("content could not be read", e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        if (row != null) {
          row.close();
        }
        select.close();
        connection.close();
      } catch (SQLException e) {
        throw new IOException(e);
      }
    }
  }

  /**
   * A stream over a sequence of slices, what both readers share: it hands out the slice it holds
   * and asks its subclass for the next one when that is used up.
   */
  abstract static class SliceStream extends InputStream {
    private byte[] current = new byte[0];
    private int pos;
    private boolean ended;

    /** The next slice, or null after the last one (not asked again then). */
    abstract byte[] nextSlice() throws IOException;

    private boolean fill() throws IOException {
      while (pos >= current.length) {
        byte[] next = ended ? null : nextSlice();
        if (next == null) {
          ended = true;
          return false;
        }
        current = next;
        pos = 0;
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

    /** Lets go of the slice held (on close). */
    void dropSlice() {
      current = new byte[0];
      pos = 0;
    }
  }

  /** Reads slice by slice on the caller's thread (memory stays flat and no cursor is needed). */
  static final class ChunkReader extends SliceStream {
    private final Slices slices;

    ChunkReader(Slices slices) {
      this.slices = slices;
    }

    @Override
    byte[] nextSlice() throws IOException {
      return slices.next();
    }

    @Override
    public void close() throws IOException {
      slices.close();
    }
  }

  /**
   * Reads slices ahead on another thread, at most {@value #AHEAD} slices (1.5 MiB) beyond the one
   * being consumed (plus the rest of the row the driver holds: a few MiB per download in all), so
   * the next query is on its way while the caller decrypts, checks and sends the current one: a
   * download then takes about as long as reading its rows, not that plus everything done with them.
   * The connection is used by the fetching thread alone until it has finished; {@link #close()}
   * waits for that before closing it, so the connection goes back to the caller's transaction idle.
   */
  static final class ReadAheadReader extends SliceStream {
    static final int AHEAD = 4;
    private static final Object END = new Object();

    private final Slices slices;
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(AHEAD);
    private final Future<?> fetching;
    private volatile boolean closed;
    private boolean failed;

    ReadAheadReader(Slices slices, ExecutorService executor) throws IOException {
      this.slices = slices;
      try {
        this.fetching = executor.submit(this::fetch);
      } catch (RejectedExecutionException e) {
        slices.close();
        throw new IOException("content could not be read: no thread to read it", e);
      }
    }

    /** On the fetching thread: every slice, then END, or the failure that stopped it. */
    private void fetch() {
      Object last = END;
      try {
        for (byte[] slice; (slice = slices.next()) != null; ) {
          if (!hand(slice)) {
            return;
          }
        }
      } catch (Throwable e) { // NOPMD: the reader must learn of any failure, or it waits forever
        last = e;
      }
      hand(last);
    }

    /** Queues {@code o} for the reader; false if the reader has gone. */
    private boolean hand(Object o) {
      try {
        while (!ready.offer(o, 100, TimeUnit.MILLISECONDS)) {
          if (closed) {
            return false;
          }
        }
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    /** The next slice the fetching thread handed over; its failure once, then no more slices. */
    @Override
    byte[] nextSlice() throws IOException {
      if (failed) {
        return null;
      }
      Object next;
      try {
        next = ready.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading content");
      }
      if (next == END) {
        return null;
      }
      if (next instanceof Throwable failure) {
        failed = true;
        throw failure instanceof IOException io
            ? new IOException(io.getMessage(), io)
            : new IOException("content could not be read", failure);
      }
      return (byte[]) next;
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      ready.clear();
      boolean interrupted = false;
      try {
        while (true) {
          try {
            fetching.get();
            break;
          } catch (InterruptedException e) {
            interrupted = true;
          } catch (ExecutionException | CancellationException e) {
            break;
          }
        }
      } finally {
        ready.clear();
        dropSlice();
        slices.close();
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}

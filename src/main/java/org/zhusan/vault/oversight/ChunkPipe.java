package org.zhusan.vault.oversight;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.Writer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A pipe between one writing and one reading thread that hands over whole chunks of characters
 * through a bounded queue. {@link java.io.PipedReader} was used before: its reader, finding the
 * pipe empty, sleeps up to a second unless the writer fills it completely, which capped online
 * verification at a few thousand entries per second. Closing the writer ends the reader's input;
 * closing the reader makes further writes fail, so a writer whose reader stopped early (the
 * verifier found a problem) ends too.
 */
final class ChunkPipe {
  private static final char[] END = new char[0];
  private static final int CHUNK = 1 << 16;

  private final BlockingQueue<char[]> chunks = new ArrayBlockingQueue<>(16);
  private volatile boolean readerClosed;

  final Writer writer =
      new Writer() {
        private final char[] buf = new char[CHUNK];
        private int n;
        private boolean closed;

        @Override
        public void write(char[] c, int off, int len) throws IOException {
          while (len > 0) {
            int k = Math.min(len, CHUNK - n);
            System.arraycopy(c, off, buf, n, k);
            n += k;
            off += k;
            len -= k;
            if (n == CHUNK) {
              flush();
            }
          }
        }

        @Override
        public void flush() throws IOException {
          if (n > 0) {
            put(java.util.Arrays.copyOf(buf, n));
            n = 0;
          }
        }

        @Override
        public void close() throws IOException {
          if (!closed) {
            closed = true;
            try {
              flush();
            } finally {
              put(END);
            }
          }
        }
      };

  final Reader reader =
      new Reader() {
        private char[] current = new char[0];
        private int pos;
        private boolean ended;

        @Override
        public int read(char[] c, int off, int len) throws IOException {
          if (len == 0) {
            return 0;
          }
          while (pos == current.length) {
            if (ended) {
              return -1;
            }
            try {
              current = chunks.take();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new InterruptedIOException("interrupted while waiting for the export");
            }
            pos = 0;
            if (current == END) {
              ended = true;
              current = new char[0];
            }
          }
          int k = Math.min(len, current.length - pos);
          System.arraycopy(current, pos, c, off, k);
          pos += k;
          return k;
        }

        @Override
        public void close() {
          readerClosed = true;
          chunks.clear();
        }
      };

  private void put(char[] chunk) throws IOException {
    try {
      while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
        if (readerClosed) {
          throw new IOException("the reader has stopped");
        }
      }
      if (readerClosed && chunk != END) {
        throw new IOException("the reader has stopped");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while handing over the export");
    }
  }
}

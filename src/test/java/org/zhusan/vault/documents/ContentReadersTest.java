package org.zhusan.vault.documents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The two content readers — on the caller's thread and reading ahead on another — over a fake
 * connection that answers each row's query with its slices: the same bytes, byte by byte or in
 * blocks, and the same failures.
 */
class ContentReadersTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  interface Reader {
    InputStream open(Map<Integer, List<byte[]>> rows, int chunkCount) throws Exception;
  }

  private final Reader onCallersThread = (rows, n) -> new ContentStore.ChunkReader(slices(rows, n));
  private final Reader readingAhead =
      (rows, n) -> new ContentStore.ReadAheadReader(slices(rows, n), threads);

  @Test
  void bothReadersGiveBackEveryByteInOrder() throws Exception {
    for (Reader reader : List.of(onCallersThread, readingAhead)) {
      Map<Integer, List<byte[]>> rows =
          Map.of(
              0,
              List.of(bytes(1, 7), bytes(2, 3)),
              1,
              List.of(bytes(3, 1)),
              2,
              List.of(bytes(4, 10)));
      byte[] all =
          concat(rows.get(0).get(0), rows.get(0).get(1), rows.get(1).get(0), rows.get(2).get(0));
      try (InputStream in = reader.open(rows, 3)) {
        assertArrayEquals(all, in.readAllBytes());
        assertEquals(-1, in.read());
        assertEquals(-1, in.read(new byte[4], 0, 4));
      }
      try (InputStream in = reader.open(rows, 3)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, in.read(new byte[4], 0, 0));
        for (int b; (b = in.read()) != -1; ) {
          out.write(b);
        }
        assertArrayEquals(all, out.toByteArray());
      }
      try (InputStream in = reader.open(Map.of(), 0)) {
        assertEquals(-1, in.read());
      }
    }
  }

  @Test
  void aMissingRowFailsTheRead() throws Exception {
    for (Reader reader : List.of(onCallersThread, readingAhead)) {
      Map<Integer, List<byte[]>> rows = Map.of(0, List.of(bytes(1, 5)));
      try (InputStream in = reader.open(rows, 2)) {
        assertEquals(5, in.readNBytes(new byte[5], 0, 5));
        IOException e = assertThrows(IOException.class, in::read);
        assertTrue(e.getMessage().contains("content row 1 is missing"), e.getMessage());
      }
    }
  }

  @Test
  void afterAFailureReadingAheadEnds() throws Exception {
    try (InputStream in = readingAhead.open(Map.of(), 1)) {
      assertThrows(IOException.class, in::read);
      assertEquals(-1, in.read());
    }
  }

  /** Rows by sequence number, each a list of slices, behind a fake connection. */
  private static ContentStore.Slices slices(Map<Integer, List<byte[]>> rows, int chunkCount)
      throws Exception {
    int[] seq = new int[1];
    PreparedStatement select =
        proxy(
            PreparedStatement.class,
            (method, args) ->
                switch (method) {
                  case "setInt" -> {
                    if ((int) args[0] == 4) {
                      seq[0] = (int) args[1];
                    }
                    yield null;
                  }
                  case "executeQuery" -> resultSet(rows.getOrDefault(seq[0], List.of()));
                  default -> null;
                });
    Connection c =
        proxy(
            Connection.class, (method, args) -> method.equals("prepareStatement") ? select : null);
    return new ContentStore.Slices(c, UUID.randomUUID(), chunkCount);
  }

  private static ResultSet resultSet(List<byte[]> slices) {
    Iterator<byte[]> it = new ArrayList<>(slices).iterator();
    byte[][] current = new byte[1][];
    return proxy(
        ResultSet.class,
        (method, args) ->
            switch (method) {
              case "next" -> {
                boolean more = it.hasNext();
                current[0] = more ? it.next() : null;
                yield more;
              }
              case "getBytes" -> current[0];
              default -> null;
            });
  }

  interface Answer {
    Object answer(String method, Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<T> type, Answer answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (p, m, args) -> answer.answer(m.getName(), args)));
  }

  private static byte[] bytes(int seed, int n) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}

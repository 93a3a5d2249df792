package org.zhusan.vault.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** pg_dump of the test database, as a thief of a backup would have it. */
public final class Dumps {
  private Dumps() {}

  /** The whole database as SQL with INSERTs (bytea as hex). */
  public static String pgDump() throws Exception {
    return run("--no-owner", "--inserts");
  }

  /** The whole database in pg_dump's custom format, into {@code file} (for pg_restore). */
  public static void pgDumpTo(java.nio.file.Path file) throws Exception {
    run("-Fc", "-f", file.toString());
  }

  private static String run(String... options) throws Exception {
    VaultServer.get();
    java.util.List<String> command =
        new java.util.ArrayList<>(
            java.util.List.of(
                "pg_dump",
                "-h",
                System.getProperty("it.db.host", "127.0.0.1"),
                "-p",
                System.getProperty("it.db.port", "5432"),
                "-U",
                VaultServer.OWNER));
    command.addAll(java.util.List.of(options));
    command.add(VaultServer.DATABASE);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    assertEquals(0, p.waitFor(), () -> "pg_dump failed: " + out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** How a UTF-8 string would look inside a dumped bytea. */
  public static String hex(String s) {
    return HexFormat.of().formatHex(s.getBytes(StandardCharsets.UTF_8));
  }
}

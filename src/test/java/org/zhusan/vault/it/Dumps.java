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
    VaultServer.get();
    Process p =
        new ProcessBuilder(
                "pg_dump",
                "-h",
                System.getProperty("it.db.host", "127.0.0.1"),
                "-p",
                System.getProperty("it.db.port", "5432"),
                "-U",
                VaultServer.OWNER,
                "--no-owner",
                "--inserts",
                VaultServer.DATABASE)
            .redirectErrorStream(true)
            .start();
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

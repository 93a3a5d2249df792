package org.zhusan.vault.cli.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password file: written owner-only, read back unchanged, refused once others may read it. */
class DatabaseCredentialsTest {

  @Test
  void storedOwnerOnlyAndReadBackUnchanged(@TempDir Path data) throws Exception {
    DatabaseCredentials written = DatabaseCredentials.generate();
    written.store(data);
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(DatabaseCredentials.file(data))));
    DatabaseCredentials read = DatabaseCredentials.load(data);
    assertEquals(written.superuser(), read.superuser());
    assertEquals(written.owner(), read.owner());
    assertEquals(written.app(), read.app());
  }

  @Test
  void everyPasswordIsFreshAnd256BitsOfUrlSafeBase64() {
    DatabaseCredentials a = DatabaseCredentials.generate();
    DatabaseCredentials b = DatabaseCredentials.generate();
    assertNotEquals(a.superuser(), b.superuser());
    for (String p : new String[] {a.superuser(), a.owner(), a.app()}) {
      assertTrue(p.matches("[A-Za-z0-9_-]{43}"), p.length() + " characters");
    }
  }

  @Test
  void aFileOthersMayReadIsRefused(@TempDir Path data) throws Exception {
    DatabaseCredentials.generate().store(data);
    Files.setPosixFilePermissions(
        DatabaseCredentials.file(data), PosixFilePermissions.fromString("rw-r--r--"));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> DatabaseCredentials.load(data));
    assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
  }
}

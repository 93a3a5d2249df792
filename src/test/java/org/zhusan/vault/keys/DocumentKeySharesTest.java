package org.zhusan.vault.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhusan.vault.crypto.KeyShare;

class DocumentKeySharesTest {
  @TempDir Path dir;

  @Test
  void aShareIsStoredOwnerOnlyReadBackAndDestroyedForGood() throws Exception {
    DocumentKeyShares shares = new DocumentKeyShares(dir.resolve("document-keys"));
    shares.open();
    UUID document = UUID.randomUUID();
    KeyShare created = shares.create(document);
    Path file =
        dir.resolve("document-keys")
            .resolve(document.toString().substring(0, 2))
            .resolve(document.toString());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("document-keys"))));
    assertArrayEquals(created.toStoredBytes(), shares.read(document).orElseThrow().toStoredBytes());
    assertThrows(FileAlreadyExistsException.class, () -> shares.create(document));

    assertTrue(shares.destroy(document));
    assertFalse(Files.exists(file));
    assertTrue(shares.read(document).isEmpty());
    assertFalse(shares.destroy(document), "destroying twice finds nothing");
    try (var leftovers = Files.list(file.getParent())) {
      assertEquals(0, leftovers.count(), "no temporary file is left behind");
    }
  }

  @Test
  void eachDocumentHasItsOwnShare() throws Exception {
    DocumentKeyShares shares = new DocumentKeyShares(dir);
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    shares.create(a);
    shares.create(b);
    shares.destroy(a);
    assertTrue(shares.read(a).isEmpty());
    assertTrue(shares.read(b).isPresent());
  }
}

package org.zhusan.vault.cli.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A backup file is input like any other: its entry names may not place files outside the data
 * directory.
 */
class ClusterRestoreTest {
  private static final Path DATA = Path.of("/srv/vault/data");
  private static final Path PG = EmbeddedDatabase.clusterDir(DATA);

  @Test
  void entriesLandInTheClusterDirectoryOrAreThePasswordFile() {
    assertEquals(
        PG.resolve("base/5/1259"), ClusterRestore.targetOf("postgres/base/5/1259", DATA, PG));
    assertEquals(
        DATA.resolve(DatabaseCredentials.FILE_NAME),
        ClusterRestore.targetOf(DatabaseCredentials.FILE_NAME, DATA, PG));
  }

  @Test
  void namesThatClimbOutOrAreUnknownAreRefused() {
    assertThrows(
        IllegalStateException.class,
        () -> ClusterRestore.targetOf("postgres/../../../etc/cron.d/x", DATA, PG));
    assertThrows(
        IllegalStateException.class,
        () ->
            ClusterRestore.targetOf(
                "postgres/../" + DatabaseCredentials.FILE_NAME + "x", DATA, PG));
    assertThrows(
        IllegalStateException.class, () -> ClusterRestore.targetOf("../payara/evil.war", DATA, PG));
    assertThrows(
        IllegalStateException.class, () -> ClusterRestore.targetOf("/etc/passwd", DATA, PG));
  }
}

package org.zhusan.vault.cli.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Puts a {@link ClusterBackup} into an empty data directory, then starts the cluster once so
 * PostgreSQL replays the backup's WAL to a consistent state, and checks the vault's database opens
 * as its owner. Afterwards {@code run --data} on that directory starts the vault on it.
 */
public final class ClusterRestore {

  /**
   * What the restored database holds, as its owner sees it; counts are -1 before the vault's first
   * start (no schema yet).
   */
  public record Result(String postgresVersion, long documents, long accessLogEntries) {}

  private ClusterRestore() {}

  public static Result restore(Path backup, Path dataDir, int port)
      throws IOException, SQLException {
    Path pgData = EmbeddedDatabase.clusterDir(dataDir);
    if (Files.exists(DatabaseCredentials.file(dataDir))
        || (Files.isDirectory(pgData) && !isEmpty(pgData))) {
      throw new IllegalStateException(
          dataDir + " already holds a database; restore into an empty data directory");
    }
    String version;
    try (ZipFile zip = new ZipFile(backup.toFile())) {
      version = checkManifest(zip, backup);
      Files.createDirectories(dataDir);
      createPrivateDirectory(pgData);
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.getName().equals(BackupFormat.MANIFEST)) {
          continue;
        }
        Path target = targetOf(e.getName(), dataDir, pgData);
        if (e.isDirectory()) {
          createPrivateDirectory(target);
        } else {
          createPrivateDirectory(target.getParent());
          // PostgreSQL's own modes: files 0600, directories 0700; the password file 0600 as always.
          Files.createFile(
              target, PosixFilePermissions.asFileAttribute(DatabaseCredentials.OWNER_ONLY));
          // Into the file just created (Files.copy would replace it, with the umask's mode).
          try (InputStream in = zip.getInputStream(e);
              OutputStream o = Files.newOutputStream(target)) {
            in.transferTo(o); // the ZIP reader checks each entry's CRC-32
          }
        }
      }
    }
    if (!Files.exists(pgData.resolve("backup_label")) || !DatabaseCredentials.exist(dataDir)) {
      throw new IllegalStateException(backup + " is incomplete: no backup_label or password file");
    }
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, port);
        Connection c = db.connectAsOwner();
        Statement s = c.createStatement()) {
      return new Result(version, count(s, "document"), count(s, "access_log"));
    }
  }

  private static String checkManifest(ZipFile zip, Path backup) throws IOException {
    ZipEntry m = zip.getEntry(BackupFormat.MANIFEST);
    if (m == null) {
      throw new IllegalStateException(
          backup + " is not a Zhusan Vault backup (no " + BackupFormat.MANIFEST + ")");
    }
    Properties p = new Properties();
    try (InputStream in = zip.getInputStream(m)) {
      p.load(in);
    }
    if (!BackupFormat.FORMAT_VERSION.equals(p.getProperty("format"))) {
      throw new IllegalStateException(
          backup
              + " has backup format "
              + p.getProperty("format")
              + "; this version reads "
              + BackupFormat.FORMAT_VERSION);
    }
    return p.getProperty("postgres.version");
  }

  /** Where an entry goes; refuses names that would land outside the data directory. */
  static Path targetOf(String name, Path dataDir, Path pgData) {
    Path target;
    if (name.equals(DatabaseCredentials.FILE_NAME)) {
      target = DatabaseCredentials.file(dataDir);
    } else if (name.startsWith(BackupFormat.CLUSTER_PREFIX)) {
      target = pgData.resolve(name.substring(BackupFormat.CLUSTER_PREFIX.length())).normalize();
    } else {
      throw new IllegalStateException("unexpected entry in backup: " + name);
    }
    if (!target.startsWith(pgData) && !target.equals(DatabaseCredentials.file(dataDir))) {
      throw new IllegalStateException("entry outside the data directory in backup: " + name);
    }
    return target;
  }

  private static void createPrivateDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir);
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static long count(Statement s, String table) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT to_regclass('public." + table + "') IS NULL")) {
      rs.next();
      if (rs.getBoolean(1)) {
        return -1;
      }
    }
    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

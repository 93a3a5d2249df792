package org.zhusan.vault.cli.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An online physical backup of the embedded cluster, taken with PostgreSQL's low-level backup API
 * ({@code pg_backup_start} / {@code pg_backup_stop}) and written by this process, so it needs no
 * client tools: the embedded binaries hold no {@code pg_dump}, and the machine's (major 15) refuse
 * a PostgreSQL 17 server. The copy is made while the vault runs; files changing under it are made
 * consistent on restore by replaying the WAL of the backup window (full-page writes on), which a
 * temporary replication slot keeps from being recycled until it is copied.
 *
 * <p>What it holds is what the database holds: sensitive fields and content only as ciphertext, and
 * the access log. It also holds the database password file (a restore must be able to log in);
 * those passwords open nothing the backup does not already contain. The keystore is never in it.
 */
public final class ClusterBackup {

  /** What was written. */
  public record Result(
      Path file, long bytes, int clusterFiles, int walSegments, String startLsn, String stopLsn) {}

  private ClusterBackup() {}

  /**
   * Backs up the cluster under {@code dataDir} into {@code out} (which must not exist). If no
   * server runs on it, one is started on {@code portIfStopped} for the duration.
   */
  public static Result write(Path dataDir, Path out, int portIfStopped)
      throws IOException, SQLException {
    if (Files.exists(out)) {
      throw new IllegalStateException(
          out + " exists; choose a new file name (a backup is never overwritten)");
    }
    Path pgData = EmbeddedDatabase.clusterDir(dataDir);
    if (!Files.exists(pgData.resolve("PG_VERSION"))) {
      throw new IllegalStateException("no embedded database under " + pgData);
    }
    DatabaseCredentials credentials = DatabaseCredentials.load(dataDir);
    Optional<PostmasterPid> running = PostmasterPid.read(pgData).filter(PostmasterPid::alive);
    EmbeddedDatabase started = null;
    int port;
    if (running.isPresent()) {
      port = running.get().port();
    } else {
      started = EmbeddedDatabase.start(dataDir, portIfStopped);
      port = started.port();
    }
    Path tmp = out.resolveSibling(out.getFileName() + ".partial");
    try (Connection c =
        EmbeddedDatabase.connect(
            port, EmbeddedDatabase.SUPERUSER, credentials.superuser(), "postgres")) {
      Files.deleteIfExists(tmp);
      // Owner-only: it carries the password file.
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(DatabaseCredentials.OWNER_ONLY));
      Result r;
      try (OutputStream os = Files.newOutputStream(tmp);
          ZipOutputStream zip = new ZipOutputStream(os)) {
        // Ciphertext does not compress; the fastest level still shrinks WAL and free space in
        // pages.
        zip.setLevel(Deflater.BEST_SPEED);
        r = copy(c, pgData, DatabaseCredentials.file(dataDir), zip);
      }
      Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
      return new Result(
          out, Files.size(out), r.clusterFiles(), r.walSegments(), r.startLsn(), r.stopLsn());
    } finally {
      Files.deleteIfExists(tmp);
      if (started != null) {
        started.close();
      }
    }
  }

  private static Result copy(Connection c, Path pgData, Path credentialsFile, ZipOutputStream zip)
      throws IOException, SQLException {
    try (Statement s = c.createStatement()) {
      // Reserve WAL from now until this session ends, so no segment of the backup window is
      // recycled
      // before it is copied (the job wal_keep_size would do, without guessing a size).
      s.execute(
          "SELECT pg_create_physical_replication_slot('zhusan_backup_"
              + ProcessHandle.current().pid()
              + "', true, true)");
    }
    String startLsn = single(c, "SELECT pg_backup_start('zhusan-vault backup', true)::text");
    String firstSegment = walFileName(c, startLsn);
    int[] files = {0};
    Files.walkFileTree(
        pgData,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            String rel = relative(pgData, dir);
            if (!rel.isEmpty()) {
              putDirectory(zip, rel);
            }
            if (BackupFormat.EMPTY_DIRECTORIES.contains(rel)) {
              if (rel.equals("pg_wal")) {
                putDirectory(zip, "pg_wal/archive_status");
              }
              return FileVisitResult.SKIP_SUBTREE;
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            String rel = relative(pgData, file);
            if (attrs.isRegularFile()
                && !BackupFormat.skipped(file.getFileName().toString())
                && !rel.equals(BackupFormat.CONTROL_FILE)) {
              if (putFile(zip, BackupFormat.CLUSTER_PREFIX + rel, file)) {
                files[0]++;
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE; // dropped while we copied: WAL replay knows
            }
            throw e;
          }
        });
    putFile(
        zip,
        BackupFormat.CLUSTER_PREFIX + BackupFormat.CONTROL_FILE,
        pgData.resolve(BackupFormat.CONTROL_FILE));
    files[0]++;

    String stopLsn;
    String label;
    String tablespaceMap;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(false)")) {
      rs.next();
      stopLsn = rs.getString(1);
      label = rs.getString(2);
      tablespaceMap = rs.getString(3);
    }
    if (tablespaceMap != null && !tablespaceMap.isBlank()) {
      throw new IllegalStateException(
          "the cluster has tablespaces outside its data directory; this backup does not cover"
              + " them");
    }
    putBytes(
        zip, BackupFormat.CLUSTER_PREFIX + "backup_label", label.getBytes(StandardCharsets.UTF_8));
    // pg_backup_stop switched to a new segment: the one holding the stop record is complete.
    String lastSegment = walFileName(c, stopLsn);
    int segments = 0;
    Path wal = pgData.resolve("pg_wal");
    try (var names = Files.list(wal)) {
      for (Path p : names.sorted().toList()) {
        String name = p.getFileName().toString();
        boolean inWindow =
            BackupFormat.WAL_SEGMENT.matcher(name).matches()
                && name.compareTo(firstSegment) >= 0
                && name.compareTo(lastSegment) <= 0;
        if (inWindow || name.endsWith(".history")) {
          putFile(zip, BackupFormat.CLUSTER_PREFIX + "pg_wal/" + name, p);
          segments += inWindow ? 1 : 0;
        }
      }
    }
    if (segments == 0) {
      throw new IllegalStateException(
          "no WAL segment between "
              + firstSegment
              + " and "
              + lastSegment
              + " was found in "
              + wal);
    }
    putFile(zip, DatabaseCredentials.FILE_NAME, credentialsFile);
    Properties manifest = new Properties();
    manifest.setProperty("format", BackupFormat.FORMAT_VERSION);
    manifest.setProperty("postgres.version", Files.readString(pgData.resolve("PG_VERSION")).trim());
    manifest.setProperty("start.lsn", startLsn);
    manifest.setProperty("stop.lsn", stopLsn);
    manifest.setProperty("created", Instant.now().toString());
    java.io.ByteArrayOutputStream m = new java.io.ByteArrayOutputStream();
    manifest.store(
        m, "Zhusan Vault backup of the embedded PostgreSQL (restore with: zhusan-vault restore)");
    putBytes(zip, BackupFormat.MANIFEST, m.toByteArray());
    return new Result(null, 0, files[0], segments, startLsn, stopLsn);
  }

  private static String walFileName(Connection c, String lsn) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT pg_walfile_name(?::pg_lsn)")) {
      p.setString(1, lsn);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  private static void putDirectory(ZipOutputStream zip, String rel) throws IOException {
    zip.putNextEntry(new ZipEntry(BackupFormat.CLUSTER_PREFIX + rel + "/"));
    zip.closeEntry();
  }

  /** Copies a file as it is now; false if it vanished first (a dropped relation). */
  private static boolean putFile(ZipOutputStream zip, String name, Path file) throws IOException {
    java.io.InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      return false;
    }
    try (in) {
      zip.putNextEntry(new ZipEntry(name));
      in.transferTo(zip);
      zip.closeEntry();
    }
    return true;
  }

  private static void putBytes(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(bytes);
    zip.closeEntry();
  }
}

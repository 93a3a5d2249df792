package org.zhusan.vault.cli.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * The passwords of the embedded cluster's three roles — the superuser ({@code postgres}), the
 * schema owner and the application role — generated on first start and kept in one file readable
 * only by its owner (0600), which every later start, {@code backup} and {@code restore} read.
 *
 * <p>No {@code toString}: the passwords must not reach a log line by accident.
 */
public final class DatabaseCredentials {
  /**
   * The file's name under the data directory (beside {@code postgres/}, which initdb needs empty).
   */
  public static final String FILE_NAME = "postgres-credentials.properties";

  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * 32 random bytes: 256 bits, well beyond guessing; URL-safe Base64 so no quoting is ever needed.
   */
  private static final int PASSWORD_BYTES = 32;

  private final String superuser;
  private final String owner;
  private final String app;

  private DatabaseCredentials(String superuser, String owner, String app) {
    this.superuser = Objects.requireNonNull(superuser, "superuser password is required.");
    this.owner = Objects.requireNonNull(owner, "owner password is required.");
    this.app = Objects.requireNonNull(app, "application password is required.");
  }

  static DatabaseCredentials generate() {
    return new DatabaseCredentials(randomPassword(), randomPassword(), randomPassword());
  }

  private static String randomPassword() {
    byte[] b = new byte[PASSWORD_BYTES];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  public static Path file(Path dataDir) {
    return dataDir.resolve(FILE_NAME);
  }

  public static boolean exist(Path dataDir) {
    return Files.exists(file(dataDir));
  }

  /** Reads the file, refusing one that others may read (as ssh refuses a private key). */
  public static DatabaseCredentials load(Path dataDir) throws IOException {
    Path file = file(dataDir);
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY.containsAll(perms)) {
      throw new IllegalStateException(
          file
              + " is readable by others ("
              + PosixFilePermissions.toString(perms)
              + "); it holds the database passwords: chmod 600 "
              + file);
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return new DatabaseCredentials(
        required(p, EmbeddedDatabase.SUPERUSER, file),
        required(p, EmbeddedDatabase.OWNER, file),
        required(p, EmbeddedDatabase.APP, file));
  }

  private static String required(Properties p, String role, Path file) {
    String v = p.getProperty(role);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(file + " has no password for " + role);
    }
    return v;
  }

  /**
   * Writes the file created 0600 from the start (never briefly readable), replacing it atomically.
   */
  void store(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    Properties p = new Properties();
    p.setProperty(EmbeddedDatabase.SUPERUSER, superuser);
    p.setProperty(EmbeddedDatabase.OWNER, owner);
    p.setProperty(EmbeddedDatabase.APP, app);
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      p.store(
          w,
          "Zhusan Vault: passwords of the embedded PostgreSQL roles. Owner-only (0600); back up"
              + " with the data.");
    }
    Files.move(
        tmp, file(dataDir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * A file initdb reads the superuser's password from ({@code --pwfile}); 0600, deleted after use.
   */
  Path writeSuperuserPasswordFile(Path dir) throws IOException {
    Path f = dir.resolve("initdb-pwfile");
    Files.deleteIfExists(f);
    Files.createFile(f, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    Files.writeString(f, superuser + "\n", StandardCharsets.UTF_8);
    return f;
  }

  String superuser() {
    return superuser;
  }

  String owner() {
    return owner;
  }

  String app() {
    return app;
  }
}

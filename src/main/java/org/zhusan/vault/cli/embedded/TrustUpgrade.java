package org.zhusan.vault.cli.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.postgresql.PGConnection;

/**
 * Closes a cluster created by an earlier version of the launcher, which let every local user in as
 * any role without a password ({@code trust}): sets the superuser's password, rewrites {@code
 * pg_hba.conf} to SCRAM-SHA-256 for everyone and reloads. Runs over a connection the trust rules
 * still admit; from the reload on, only passwords do.
 */
final class TrustUpgrade {
  /**
   * What {@code initdb --auth=scram-sha-256} writes, for loopback TCP only (the Unix socket is
   * off).
   */
  static final String SCRAM_ONLY_HBA =
      String.join(
          "\n",
          "# Zhusan Vault embedded PostgreSQL: passwords (SCRAM-SHA-256) for every role, loopback"
              + " only.",
          "# TYPE  DATABASE        USER            ADDRESS                 METHOD",
          "local   all             all                                     scram-sha-256",
          "host    all             all             127.0.0.1/32            scram-sha-256",
          "host    all             all             ::1/128                 scram-sha-256",
          "local   replication     all                                     scram-sha-256",
          "host    replication     all             127.0.0.1/32            scram-sha-256",
          "host    replication     all             ::1/128                 scram-sha-256",
          "");

  private TrustUpgrade() {}

  /** Whether any rule of pg_hba.conf admits without a password. */
  static boolean trusts(Path pgData) throws IOException {
    Path hba = pgData.resolve("pg_hba.conf");
    if (!Files.exists(hba)) {
      return false;
    }
    for (String line : Files.readAllLines(hba, StandardCharsets.UTF_8)) {
      String rule = line.replaceFirst("#.*", "").trim().toLowerCase(Locale.ROOT);
      if (rule.matches(".*\\s(trust|peer|ident)(\\s.*)?$")) {
        return true;
      }
    }
    return false;
  }

  static void apply(Connection superuser, Path pgData, String superuserPassword)
      throws SQLException, IOException {
    superuser
        .unwrap(PGConnection.class)
        .alterUserPassword(
            EmbeddedDatabase.SUPERUSER, superuserPassword.toCharArray(), "scram-sha-256");
    Path tmp = pgData.resolve("pg_hba.conf.new");
    Files.writeString(tmp, SCRAM_ONLY_HBA, StandardCharsets.UTF_8);
    Files.move(
        tmp,
        pgData.resolve("pg_hba.conf"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    try (Statement s = superuser.createStatement()) {
      s.execute("SELECT pg_reload_conf()");
    }
    System.out.println(
        "The embedded database admitted local users without a password (an earlier version's"
            + " setup); it now requires SCRAM passwords, kept in "
            + DatabaseCredentials.FILE_NAME
            + ".");
  }
}

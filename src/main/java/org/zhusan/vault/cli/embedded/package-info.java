/**
 * The embedded PostgreSQL of {@code run}: started durable (fsync, full-page writes, synchronous
 * commit), on loopback only, with SCRAM passwords for every role kept in an owner-only file ({@link
 * org.zhusan.vault.cli.embedded.DatabaseCredentials}); and its online physical backup and restore
 * ({@link org.zhusan.vault.cli.embedded.ClusterBackup}, {@link
 * org.zhusan.vault.cli.embedded.ClusterRestore}), which need no PostgreSQL client tools.
 */
package org.zhusan.vault.cli.embedded;

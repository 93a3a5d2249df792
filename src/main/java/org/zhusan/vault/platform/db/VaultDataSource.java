package org.zhusan.vault.platform.db;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The JTA data source the application (and Hibernate) uses. It connects as the application role,
 * which holds no UPDATE/DELETE/TRUNCATE on the access log; schema changes run separately as the
 * owner (see {@link SchemaMigrator}). Values come from MicroProfile Config, so environment
 * variables ({@code VAULT_DB_URL}, {@code VAULT_DB_USER}, {@code VAULT_DB_PASSWORD}) override the
 * defaults.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/vault",
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=vault.db.url}",
    user = "${MPCONFIG=vault.db.user}",
    password = "${MPCONFIG=vault.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    initialPoolSize = 2,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data",
      // A JDBC batch of INSERTs (a version's search tokens, access-log entries, Hibernate's
      // batches) goes to PostgreSQL as multi-row INSERTs: one statement to parse, plan and log per
      // up to 128 rows instead of one per row. Update counts of such batches are reported as
      // SUCCESS_NO_INFO; nothing here reads them.
      "reWriteBatchedInserts=true"
    })
@ApplicationScoped
public class VaultDataSource {}

/** The PostgreSQL data source and the Flyway schema migrations that own the schema. */
package org.zhusan.vault.platform.db;

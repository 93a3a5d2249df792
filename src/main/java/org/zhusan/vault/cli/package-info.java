/**
 * The command line (picocli): launcher with embedded PostgreSQL, development tokens, offline tools.
 */
package org.zhusan.vault.cli;

/**
 * Cross-cutting plumbing: JAX-RS application, problem JSON, configuration, health, database
 * start-up.
 */
package org.zhusan.vault.platform;

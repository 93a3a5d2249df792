/**
 * The access policy: a pure, immutable decision core with no JPA, CDI or JAX-RS, so that it is
 * tested with plain JUnit and reviewed on its own.
 *
 * <p>{@link org.zhusan.vault.access.policy.PolicyLoader} reads and validates the YAML policy file
 * ({@code config/access-policy.yaml}; a byte-identical built-in copy is on the classpath) into an
 * {@link org.zhusan.vault.access.policy.AccessPolicyFile}, naming the line of every error. {@link
 * org.zhusan.vault.access.policy.Policy} answers every question the server asks — document content
 * (role × document type, centre scope, separation of duties), subject fields, grants, break-glass
 * and purpose of use — with a {@link org.zhusan.vault.access.policy.PolicyDecision} carrying a
 * stable rule name for the access log. {@link org.zhusan.vault.access.policy.PolicyTable} renders
 * the matrix for the docs.
 *
 * <p>Separation of duties is enforced three times: the loader rejects a file that gives AUDITOR or
 * ADMIN content, identifying fields or break-glass; {@link
 * org.zhusan.vault.access.policy.AccessPolicyFile} refuses to be built with such entries; and every
 * decision denies those roles content regardless.
 */
package org.zhusan.vault.access.policy;

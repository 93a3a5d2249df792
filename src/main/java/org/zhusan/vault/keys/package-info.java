/**
 * Key management inside the server: loads the key-encryption keys from the keystore, keeps
 * per-subject data keys (wrapped) in PostgreSQL, seals and opens sensitive fields, counts key use,
 * rotates KEKs and crypto-shreds. The algorithms themselves live in {@link
 * org.zhusan.vault.crypto}, which this package is the only server-side user of for key handling.
 */
package org.zhusan.vault.keys;

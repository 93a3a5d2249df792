/**
 * Signed canonical-JSON files, the pure part shared by the certificates of destruction and the
 * disclosure manifests: RFC 8785 canonical JSON ({@link
 * org.zhusan.vault.signedjson.CanonicalJson}), building and checking a file of one format signed
 * with Ed25519 over a domain-separated message ({@link org.zhusan.vault.signedjson.SignedJsonFile},
 * with the key id rule) and strict member readers for the body schemas ({@link
 * org.zhusan.vault.signedjson.JsonFields}).
 *
 * <p>Plain Java 17 with BouncyCastle and Jakarta JSON-P; nothing of the server and no other vault
 * package.
 */
package org.zhusan.vault.signedjson;

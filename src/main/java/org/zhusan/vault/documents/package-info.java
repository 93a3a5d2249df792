/**
 * Documents and their immutable versions: streaming encrypted upload and download, content-based
 * type detection, contained extraction. Pure content inspection (Tika) lives in {@code
 * documents.content}.
 */
package org.zhusan.vault.documents;

package org.zhusan.vault.audit;

/**
 * An event to append together with where its request came from, captured on the request's thread
 * (the entry may be written on another).
 */
record EntryRequest(AccessEvent event, String clientAddress, String requestId) {}

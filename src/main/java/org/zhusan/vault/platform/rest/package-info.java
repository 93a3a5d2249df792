/**
 * Small REST helpers shared by every capability: paging, {@code Cache-Control: no-store} on every
 * answer, and the strict edge every request passes (request text, known query parameters, JSON
 * bodies), so malformed input is a precise 400.
 */
package org.zhusan.vault.platform.rest;

/**
 * Small REST helpers shared by every capability: paging, and the strict edge every request passes
 * (request text, known query parameters, JSON bodies), so malformed input is a precise 400.
 */
package org.zhusan.vault.platform.rest;

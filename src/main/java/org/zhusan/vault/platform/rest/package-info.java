/** Small REST helpers shared by every capability (paging, {@code Cache-Control: no-store} on every answer). */
package org.zhusan.vault.platform.rest;

/** Small REST helpers shared by every capability (paging). */
package org.zhusan.vault.platform.rest;

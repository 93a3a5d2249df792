/** MicroProfile Health probes: one class per concern. */
package org.zhusan.vault.platform.health;

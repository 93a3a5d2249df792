/** The regional centres that scope staff and subjects. */
package org.zhusan.vault.centres;

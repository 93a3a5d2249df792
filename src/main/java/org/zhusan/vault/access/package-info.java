/** Who the caller is and what they may do: token roles and centres, policy decisions. */
package org.zhusan.vault.access;

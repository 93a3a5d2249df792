/** RFC 9457 problem JSON: the single mapping from exceptions and container errors to responses. */
package org.zhusan.vault.platform.problem;

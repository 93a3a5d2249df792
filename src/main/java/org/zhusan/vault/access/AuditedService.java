package org.zhusan.vault.access;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a transactional service whose allowed access-log entries are appended at the end of the
 * method, inside its transaction (see {@link DeferredAuditInterceptor}). Without it, entries are
 * appended at once — correct, but the log head stays locked for the rest of the transaction.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AuditedService {}

package org.zhusan.vault.platform.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few {@code /api} resources that answer without a bearer token (the web app's public
 * configuration and, in the development profile only, development sign-in). Everything else under
 * {@code /api} needs an authenticated caller ({@code AuthenticationRequiredFilter}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Anonymous {}

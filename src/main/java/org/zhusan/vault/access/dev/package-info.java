/**
 * Development sign-in for the web app: exists only in the development profile with a development
 * signing key; mints tokens the development vault trusts. Never part of a production trust path.
 */
package org.zhusan.vault.access.dev;

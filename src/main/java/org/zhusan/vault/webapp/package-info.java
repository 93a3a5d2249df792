/**
 * Server side of the staff web app: its public configuration ({@code /api/ui/config}) and the
 * filter that serves the single-page app with its security headers and client-route fallback. The
 * app itself (src/main/ui) calls only the REST API with bearer tokens.
 */
package org.zhusan.vault.webapp;

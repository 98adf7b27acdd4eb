/**
 * Who is calling. {@code /api} takes HTTP Basic or a bearer API token on every request and keeps no
 * session; pages sign in through the login form and keep the caller in the HTTP session. Passwords
 * are checked by the container's database identity store (PBKDF2), tokens by Tandem's own store.
 */
package io.tandem.interfaces.security;

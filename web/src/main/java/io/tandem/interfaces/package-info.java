/**
 * Everything a person or a script touches: the REST API under {@code /api}, the pages, sign-in, the
 * health checks. Talks only to {@code io.tandem.application}; no entity crosses this boundary.
 */
package io.tandem.interfaces;

/**
 * The people and scripts that may use Tandem: user accounts with their roles, and API tokens. The
 * password hash is made by the security layer; this package only keeps it.
 */
package io.tandem.domain.model.user;

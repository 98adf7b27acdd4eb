/** Encryption of what Tandem stores but never shows, behind {@link io.tandem.domain.service.SecretBox}. */
package io.tandem.infrastructure.crypto;

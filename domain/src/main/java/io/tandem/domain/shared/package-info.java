/** Small pieces every aggregate uses: converters and base types. No aggregate lives here. */
package io.tandem.domain.shared;

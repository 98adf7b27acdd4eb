/** Schema migrations, run by Flyway at application start before anything uses JPA. */
package io.tandem.infrastructure.persistence.flyway;

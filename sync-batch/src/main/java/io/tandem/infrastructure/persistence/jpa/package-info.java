/** JPA implementations of the domain's repository interfaces. */
package io.tandem.infrastructure.persistence.jpa;

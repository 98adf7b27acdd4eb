/** Ports to the outside world, in domain words; their adapters live in {@code infrastructure}. */
package io.tandem.domain.service;

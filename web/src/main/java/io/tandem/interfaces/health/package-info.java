/** MicroProfile Health checks behind /health/live and /health/ready. */
package io.tandem.interfaces.health;

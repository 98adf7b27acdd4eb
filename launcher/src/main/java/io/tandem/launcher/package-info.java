/**
 * Starts and stops what Tandem needs on one machine: the embedded MariaDB, the Salesforce emulator
 * and Payara Micro running the WAR. {@code ./tandem} calls {@link io.tandem.launcher.Tandem}; the test
 * harness uses the same classes, so the tests start Tandem exactly as an administrator does.
 */
package io.tandem.launcher;

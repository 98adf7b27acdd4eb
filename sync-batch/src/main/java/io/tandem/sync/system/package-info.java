/** The heartbeat job: a one-step job that shows the batch runtime and its repository work. */
package io.tandem.sync.system;

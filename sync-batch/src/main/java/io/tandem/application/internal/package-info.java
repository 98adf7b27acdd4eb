/**
 * The application's inner workings the services share: turning contact input into domain changes,
 * the upsert that the API, the batch API and CSV imports all use, and start-up work (the first admin).
 */
package io.tandem.application.internal;

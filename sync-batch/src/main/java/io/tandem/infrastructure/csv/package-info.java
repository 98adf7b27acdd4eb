/** Reading comma-separated text: CSV uploads and Bulk API results. */
package io.tandem.infrastructure.csv;

/**
 * Salesforce → Tandem: the initial import (a Jakarta Batch job) and the incremental poll (a timer),
 * both applying pages of records through one applier and advancing one watermark per object.
 */
package io.tandem.sync.inbound;

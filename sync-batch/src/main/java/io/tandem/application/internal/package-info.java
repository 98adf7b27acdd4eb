/** Start-up work the application does on its own: creating the first admin. */
package io.tandem.application.internal;

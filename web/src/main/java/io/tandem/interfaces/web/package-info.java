/** Backing beans of the pages, one per page, named after it. */
package io.tandem.interfaces.web;

/** Custom field definitions: the typed fields marketing adds to contacts, and how their values are checked. */
package io.tandem.domain.model.field;

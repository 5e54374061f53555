/**
 * REDCap's API shape at {@code /redcap/api/}: data managers point PyCap, REDCapR or redcapAPI at one study of the portal
 * with a REDCap token (identity's "API tokens" page). Study numbers are the record ids, timepoints the events, the
 * published instruments the forms. Everything goes through the same services as the portal, so the token's role,
 * blinding and audit apply; nothing here reads another module's documents.
 */
@NullMarked
package org.researchportal.redcap;

import org.jspecify.annotations.NullMarked;

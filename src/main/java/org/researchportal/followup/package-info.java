/**
 * Monthly telephone follow-ups: each study arm's plan and script, the calls planned from randomisation, the
 * coordinators' worklist, attempts and outcomes, and the concerns escalated to clinicians.
 */
@NullMarked
package org.researchportal.followup;

import org.jspecify.annotations.NullMarked;

/** The coordinators' screens: their dashboard, the call worklist and the call itself; clinicians' escalations. */
@NullMarked
package org.researchportal.followup.ui;

import org.jspecify.annotations.NullMarked;

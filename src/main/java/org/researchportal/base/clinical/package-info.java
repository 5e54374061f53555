/**
 * What every module that keeps clinical data shares with the module that questions, verifies, signs and locks it:
 * the names of forms and data points, the event a change publishes and the lock a write asks first.
 */
@NullMarked
package org.researchportal.base.clinical;

import org.jspecify.annotations.NullMarked;

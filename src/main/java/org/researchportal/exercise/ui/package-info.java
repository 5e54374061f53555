/** The participant's exercise screens: today's programme, the session log and the standard guidance. */
@NullMarked
package org.researchportal.exercise.ui;

import org.jspecify.annotations.NullMarked;

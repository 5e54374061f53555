@NullMarked
package org.researchportal.exercise.ui;

import org.jspecify.annotations.NullMarked;

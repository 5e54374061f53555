@NullMarked
package org.researchportal.exercise;

import org.jspecify.annotations.NullMarked;

@NullMarked
package org.researchportal.assessments;

import org.jspecify.annotations.NullMarked;

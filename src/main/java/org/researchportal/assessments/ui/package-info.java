@NullMarked
package org.researchportal.assessments.ui;

import org.jspecify.annotations.NullMarked;

@NullMarked
package org.researchportal.reporting;

import org.jspecify.annotations.NullMarked;

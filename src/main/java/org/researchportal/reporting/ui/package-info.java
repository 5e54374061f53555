@NullMarked
package org.researchportal.reporting.ui;

import org.jspecify.annotations.NullMarked;

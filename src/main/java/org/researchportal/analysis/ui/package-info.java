@NullMarked
package org.researchportal.analysis.ui;

import org.jspecify.annotations.NullMarked;

@NullMarked
package org.researchportal.base.ui;

import org.jspecify.annotations.NullMarked;

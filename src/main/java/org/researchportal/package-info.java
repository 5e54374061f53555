@NullMarked
package org.researchportal;

import org.jspecify.annotations.NullMarked;

@NullMarked
package org.researchportal.study;

import org.jspecify.annotations.NullMarked;

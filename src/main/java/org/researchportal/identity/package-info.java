@NullMarked
package org.researchportal.identity;

import org.jspecify.annotations.NullMarked;

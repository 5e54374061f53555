@NullMarked
package org.researchportal.audit;

import org.jspecify.annotations.NullMarked;

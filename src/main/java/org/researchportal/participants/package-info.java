@NullMarked
package org.researchportal.participants;

import org.jspecify.annotations.NullMarked;

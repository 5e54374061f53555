@NullMarked
package org.researchportal.tenancy;

import org.jspecify.annotations.NullMarked;

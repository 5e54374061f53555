@NullMarked
package org.researchportal.base.security;

import org.jspecify.annotations.NullMarked;

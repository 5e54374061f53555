@NullMarked
package org.researchportal.identity.ui;

import org.jspecify.annotations.NullMarked;

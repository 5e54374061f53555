@NullMarked
package org.researchportal.tenancy.ui;

import org.jspecify.annotations.NullMarked;

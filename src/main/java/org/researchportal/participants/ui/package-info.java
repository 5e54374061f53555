@NullMarked
package org.researchportal.participants.ui;

import org.jspecify.annotations.NullMarked;

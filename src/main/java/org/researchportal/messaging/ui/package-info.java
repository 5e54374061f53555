@NullMarked
package org.researchportal.messaging.ui;

import org.jspecify.annotations.NullMarked;

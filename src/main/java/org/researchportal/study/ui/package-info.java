@NullMarked
package org.researchportal.study.ui;

import org.jspecify.annotations.NullMarked;

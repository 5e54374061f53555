/**
 * The small shared base: the signed-in user and roles, the main layout and common UI pieces. It depends on no other
 * module; every module may use it, so it is open.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.researchportal.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

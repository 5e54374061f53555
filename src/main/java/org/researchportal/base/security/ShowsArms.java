package org.researchportal.base.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service operation or a view that reveals allocation: a participant's arm, or any figure split by arm. The
 * role matrix refuses a blinded role (assessor, monitor) on anything marked so, and the table in
 * {@code docs/role-matrix.md} shows which operations and views carry it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ShowsArms {
}

/**
 * Demo data for the embedded default only: two tenants, their studies, demo participants and an account for every
 * role. Never active in production (it refuses to run with OpenID Connect sign-in).
 */
@NullMarked
package org.researchportal.demo;

import org.jspecify.annotations.NullMarked;

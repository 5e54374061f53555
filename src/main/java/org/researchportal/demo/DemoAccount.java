package org.researchportal.demo;

import java.util.Set;
import org.researchportal.base.security.PortalRole;

/** A demo sign-in, listed in the README and the start-up log. */
record DemoAccount(String username, String displayName, String language, Set<PortalRole> roles) {}

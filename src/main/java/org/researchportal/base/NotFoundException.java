package org.researchportal.base;

/**
 * The answer for a record that does not exist in the caller's tenant. A record of another tenant answers this too,
 * never "forbidden", so that ids reveal nothing across tenants.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " not found: " + id);
    }
}

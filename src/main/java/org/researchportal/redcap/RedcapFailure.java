package org.researchportal.redcap;

/** A call REDCap would refuse: its HTTP status and REDCap's message (without "ERROR: "). */
final class RedcapFailure extends RuntimeException {

    static final String NO_PERMISSION = "You do not have permissions to use the API";
    static final String NO_IMPORT = "You do not have API Import/Update privileges";

    private final int status;

    RedcapFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static RedcapFailure badRequest(String message) {
        return new RedcapFailure(400, message);
    }

    static RedcapFailure forbidden(String message) {
        return new RedcapFailure(403, message);
    }

    int status() {
        return status;
    }
}

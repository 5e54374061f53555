package org.researchportal.tenancy;

import java.io.IOException;
import java.io.InputStream;

/** A file of the current tenant, opened for reading. */
public record StoredFile(String id, String fileName, String contentType, long length, Opener opener) {

    /** Opens the file's content; the caller closes the stream. */
    public interface Opener {
        InputStream open() throws IOException;
    }

    public InputStream open() throws IOException {
        return opener.open();
    }
}

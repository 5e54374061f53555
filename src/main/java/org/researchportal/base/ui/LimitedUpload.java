package org.researchportal.base.ui;

import com.vaadin.flow.server.streams.InMemoryUploadCallback;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;

/**
 * An in-memory upload that the server itself cuts off at a size: the browser's limit alone can be bypassed, and the
 * default in-memory handler has none.
 */
public final class LimitedUpload extends InMemoryUploadHandler {

    private final long maxBytes;

    public LimitedUpload(long maxBytes, InMemoryUploadCallback callback) {
        super(callback);
        this.maxBytes = maxBytes;
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getRequestSizeMax() {
        // The multipart request carries a little more than the file.
        return maxBytes + 64 * 1024;
    }
}

package org.researchportal.reporting.ui;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/** Passes bytes through and reports, every 64 KiB, how many have gone, so a long export shows its progress. */
final class CountingStream extends FilterOutputStream {

    private static final long REPORT_EVERY = 64 * 1024;

    private final LongConsumer onProgress;
    private long written;
    private long reported;

    CountingStream(OutputStream out, LongConsumer onProgress) {
        super(out);
        this.onProgress = onProgress;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        advance(1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        advance(length);
    }

    long written() {
        return written;
    }

    private void advance(long bytes) {
        written += bytes;
        if (written - reported >= REPORT_EVERY) {
            reported = written;
            onProgress.accept(written);
        }
    }
}

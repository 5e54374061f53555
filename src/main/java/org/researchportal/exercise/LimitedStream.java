package org.researchportal.exercise;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts what passes and fails the read that goes past the limit, so a too-large upload stops while it streams. */
final class LimitedStream extends FilterInputStream {

    static final class TooLarge extends IOException {}

    private final long limit;
    private long count;

    LimitedStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(long n) throws TooLarge {
        count += n;
        if (count > limit) {
            throw new TooLarge();
        }
    }
}

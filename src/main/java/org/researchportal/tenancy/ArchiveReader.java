package org.researchportal.tenancy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;

/**
 * Reads a tenant archive as it streams in, within limits a hostile archive cannot talk its way past: the bytes it
 * inflates to are counted as they come (an entry's declared size is only the sender's word), and so are its
 * entries, its documents and each document's length. It keeps what the archive holds, its digest, and what its
 * signature covers; it writes nothing.
 */
final class ArchiveReader {

    static final String MANIFEST = "manifest.json";
    static final String COLLECTIONS = "collections/";
    static final String FILES = "files/";
    static final String CHUNKS = ".chunks.jsonl";
    private static final Pattern COLLECTION = Pattern.compile("collections/([a-z][a-z0-9_]{0,62})\\.jsonl");
    private static final Pattern FILE = Pattern.compile("files/([0-9a-f]{24})(\\.json|\\.chunks\\.jsonl)");

    /** How much an archive may hold once inflated; see {@link TenantArchive#LIMITS}. */
    record Limits(long uncompressedBytes, int entries, long documents, int documentBytes) {}

    /** What an archive holds: documents kept as their JSON lines (leaner than parsed), and its SHA-256. */
    record Contents(Document manifest, Map<String, List<byte[]>> collections, Map<String, byte[]> fileRecords,
            Map<String, List<byte[]>> fileChunks, ArchiveSignature covered, @Nullable Document signature,
            String sha256) {}

    private final Limits limits;
    private long inflated;
    private long documents;

    private ArchiveReader(Limits limits) {
        this.limits = limits;
    }

    /** Reads the whole archive; refuses (nothing written) one that is not an archive or exceeds a limit. */
    static Contents read(InputStream in, Limits limits) {
        return new ArchiveReader(limits).read(in);
    }

    private Contents read(InputStream in) {
        MessageDigest whole = sha256();
        var digesting = new DigestInputStream(in, whole);
        Document manifest = null;
        Document signature = null;
        boolean signed = false;
        Map<String, List<byte[]>> collections = new LinkedHashMap<>();
        Map<String, byte[]> fileRecords = new LinkedHashMap<>();
        Map<String, List<byte[]>> fileChunks = new LinkedHashMap<>();
        var covered = new ArchiveSignature();
        Set<String> seen = new HashSet<>();
        try {
            var zip = new ZipInputStream(digesting, StandardCharsets.UTF_8);
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (++entries > limits.entries()) {
                    throw tooLarge();
                }
                if (signed || entry.isDirectory() || !seen.add(name)) {
                    // Nothing may follow the signature, and no entry may come twice (the second would go unchecked).
                    throw invalid();
                }
                MessageDigest entryDigest = sha256();
                Matcher collection = COLLECTION.matcher(name);
                Matcher file = FILE.matcher(name);
                if (name.equals(ArchiveSignature.ENTRY)) {
                    signature = single(lines(zip, entryDigest, false));
                    signed = true;
                    continue;
                } else if (name.equals(MANIFEST)) {
                    manifest = single(lines(zip, entryDigest, false));
                } else if (collection.matches()) {
                    collections.put(collection.group(1), lines(zip, entryDigest, true));
                } else if (file.matches() && file.group(2).equals(".json")) {
                    List<byte[]> record = lines(zip, entryDigest, false);
                    if (record.size() != 1) {
                        throw invalid();
                    }
                    fileRecords.put(file.group(1), record.getFirst());
                } else if (file.matches()) {
                    fileChunks.put(file.group(1), lines(zip, entryDigest, true));
                } else {
                    throw invalid();
                }
                covered.add(name, entryDigest.digest());
            }
            // The central directory after the last entry belongs to the file's digest too.
            byte[] rest = new byte[64 * 1024];
            for (int n; (n = digesting.read(rest)) >= 0;) {
                count(n);
            }
        } catch (IOException | RuntimeException notAnArchive) {
            if (notAnArchive instanceof ValidationException refused) {
                throw refused;
            }
            throw invalid();
        }
        if (manifest == null) {
            throw invalid();
        }
        return new Contents(manifest, collections, fileRecords, fileChunks, covered, signature,
                HexFormat.of().formatHex(whole.digest()));
    }

    /** An entry's lines, read in pieces: no line longer than a document may be, no more bytes than the limit. */
    private List<byte[]> lines(InputStream entry, MessageDigest digest, boolean documentLines) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        var line = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long pending = 0;
        for (int n; (n = entry.read(buffer)) >= 0;) {
            count(n);
            digest.update(buffer, 0, n);
            int start = 0;
            for (int i = 0; i < n; i++) {
                // Empty lines are skipped without touching the buffer: a flood of them is cheap to refuse.
                if (buffer[i] == '\n' && (i > start || pending > 0)) {
                    line.write(buffer, start, i - start);
                    keep(lines, line, documentLines);
                    pending = 0;
                    start = i + 1;
                } else if (buffer[i] == '\n') {
                    start = i + 1;
                }
            }
            line.write(buffer, start, n - start);
            pending += n - start;
            if (pending > limits.documentBytes()) {
                throw tooLarge();
            }
        }
        keep(lines, line, documentLines);
        return lines;
    }

    private void keep(List<byte[]> lines, ByteArrayOutputStream line, boolean documentLine) {
        if (line.size() > limits.documentBytes()) {
            throw tooLarge();
        }
        if (line.size() > 0) {
            if (documentLine && ++documents > limits.documents()) {
                throw tooLarge();
            }
            lines.add(line.toByteArray());
        }
        line.reset();
    }

    private void count(int bytes) {
        inflated += bytes;
        if (inflated > limits.uncompressedBytes()) {
            throw tooLarge();
        }
    }

    private static Document single(List<byte[]> lines) {
        if (lines.size() != 1) {
            throw invalid();
        }
        return Document.parse(new String(lines.getFirst(), StandardCharsets.UTF_8));
    }

    private static ValidationException invalid() {
        return ValidationException.of("archive", "tenant.archive.invalid");
    }

    private static ValidationException tooLarge() {
        return ValidationException.of("archive", "tenant.archive.too-large");
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}

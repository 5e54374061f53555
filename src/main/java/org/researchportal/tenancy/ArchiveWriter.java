package org.researchportal.tenancy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.researchportal.base.security.SealedValues;

/** Writes entries and remembers each one's digest, for the signature that closes the archive. */
final class ArchiveWriter {

    private final ZipOutputStream zip;
    private final SealedValues sealed;
    private final ArchiveSignature covered = new ArchiveSignature();
    private MessageDigest entry = ArchiveReader.sha256();
    private String name = "";

    ArchiveWriter(ZipOutputStream zip, SealedValues sealed) {
        this.zip = zip;
        this.sealed = sealed;
    }

    void begin(String entryName) throws IOException {
        name = entryName;
        entry = ArchiveReader.sha256();
        zip.putNextEntry(new ZipEntry(entryName));
    }

    void line(String json) throws IOException {
        byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        entry.update(bytes);
        zip.write(bytes);
    }

    void end() throws IOException {
        zip.closeEntry();
        covered.add(name, entry.digest());
    }

    void sign() throws IOException {
        zip.putNextEntry(new ZipEntry(ArchiveSignature.ENTRY));
        zip.write(covered.sign(sealed).toJson(TenantArchive.EXACT).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
    }
}

package org.researchportal.study;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.PortalRole;

/** A trial document version as lists show it; {@code series} is the normalised title its versions share. */
public record DocumentRow(String id, String series, String title, TrialDocument.Kind kind, int version,
        @Nullable String note,
        String fileName, String contentType, long size, Set<PortalRole> allowedRoles, String uploadedBy,
        Instant uploadedAt) {

    /** How a consent form is named on a consent record: title and version. */
    public String label() {
        return title + " v" + version;
    }
}

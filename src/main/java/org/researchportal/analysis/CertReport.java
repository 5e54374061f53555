package org.researchportal.analysis;

import java.util.List;

/** A study's exercise intervention as delivered, item by item of the CERT checklist (19 entries, in its order). */
public record CertReport(String studyId, List<CertEntry> entries) {

    public long completeCount() {
        return entries.stream().filter(CertEntry::complete).count();
    }

    /** Every record behind the report's figures, item by item. */
    public List<FigureSource> sources() {
        return entries.stream().flatMap(e -> e.sources().stream()).toList();
    }
}

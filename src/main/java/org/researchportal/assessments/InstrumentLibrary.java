package org.researchportal.assessments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.researchportal.base.security.Authorities;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * The tenant's published instruments: what a schedule names, what a new entry is made with (the newest version) and
 * what an earlier entry was made with (its own version). Drafts are {@link InstrumentDesigner}'s.
 */
@Service
public class InstrumentLibrary {

    private final InstrumentRecords versions;

    InstrumentLibrary(InstrumentRecords versions) {
        this.versions = versions;
    }

    /** The newest published version of each instrument, by code: what a schedule of assessments can name. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN})
    public List<Instrument> instruments() {
        return List.copyOf(newestPublished().values().stream().map(InstrumentVersion::getInstrument).toList());
    }

    /** The newest published version of each instrument with its number. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN})
    public List<InstrumentVersionRow> published() {
        return newestPublished().values().stream().map(InstrumentVersion::toRow).toList();
    }

    /** Every published version of each instrument, oldest first: an export names the version of each entry. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN})
    public List<InstrumentVersionRow> allPublished() {
        return versions.all().stream().filter(v -> v.getStatus() == InstrumentVersion.Status.PUBLISHED)
                .map(InstrumentVersion::toRow).toList();
    }

    @Secured({Authorities.TENANT_ADMIN, Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN})
    public Optional<Instrument> instrument(String code) {
        return newestPublished(code).map(InstrumentVersion::getInstrument);
    }

    /**
     * An instrument as an export lays it out: the newest published version's items, then any item only earlier
     * versions had (entries made with them still hold its answers), each choice item with the choices any version
     * offered. The statistician reads it for the names of the scores the outcome summary reports.
     */
    @Secured({Authorities.TENANT_ADMIN, Authorities.ASSESSOR, Authorities.MONITOR, Authorities.CLINICIAN,
            Authorities.STATISTICIAN})
    public Optional<Instrument> acrossVersions(String code) {
        List<Instrument> published = versions.versions(code).stream()
                .filter(v -> v.getStatus() == InstrumentVersion.Status.PUBLISHED).map(InstrumentVersion::getInstrument)
                .toList();
        if (published.isEmpty()) {
            return Optional.empty();
        }
        Instrument newest = published.getLast();
        Map<String, Item> items = new LinkedHashMap<>();
        newest.items().forEach(i -> items.put(i.code(), i));
        published.reversed().forEach(v -> v.items().forEach(i -> {
            Item kept = items.putIfAbsent(i.code(), i);
            if (kept != null && kept.type() == i.type() && !kept.choices().equals(i.choices())) {
                // A choice an earlier version offered stays, so an entry made with it is still read whole.
                List<Choice> choices = new java.util.ArrayList<>(kept.choices());
                i.choices().stream().filter(c -> kept.choice(c.code()).isEmpty()).forEach(choices::add);
                items.put(i.code(), kept.withChoices(choices));
            }
        }));
        return Optional.of(new Instrument(code, newest.name(), List.copyOf(items.values()), newest.note()));
    }

    /** Package-private: the assessment service reads a version without a second role check. */
    Optional<InstrumentVersion> newestPublished(String code) {
        return versions.versions(code).stream().filter(v -> v.getStatus() == InstrumentVersion.Status.PUBLISHED)
                .reduce((older, newer) -> newer);
    }

    /** Package-private: one published version, as an earlier entry was made with it. */
    Optional<InstrumentVersion> publishedVersion(String code, int number) {
        return versions.version(code, number).filter(v -> v.getStatus() == InstrumentVersion.Status.PUBLISHED);
    }

    private Map<String, InstrumentVersion> newestPublished() {
        Map<String, InstrumentVersion> newest = new LinkedHashMap<>();
        versions.all().stream().filter(v -> v.getStatus() == InstrumentVersion.Status.PUBLISHED)
                .forEach(v -> newest.put(v.getCode(), v));
        return newest;
    }
}

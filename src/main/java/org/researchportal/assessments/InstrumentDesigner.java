package org.researchportal.assessments;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.NotFoundException;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.researchportal.base.security.CurrentUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/**
 * Builds a tenant's instruments as data: a draft is saved and changed as often as needed, then published, after which
 * that version never changes; the next change starts a new draft. Instruments also come in from a REDCap data
 * dictionary (all of it or nothing), and the portal's standard instruments arrive that way too.
 */
@Service
public class InstrumentDesigner {

    static final String ENTITY = "Instrument";

    private final InstrumentRecords versions;
    private final AuditTrail audit;
    private final Clock clock;

    InstrumentDesigner(InstrumentRecords versions, AuditTrail audit, Clock clock) {
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the designer lists: each instrument's newest version (a draft when there is one). */
    @Secured(Authorities.TENANT_ADMIN)
    public List<InstrumentVersionRow> designs() {
        Map<String, InstrumentVersion> newest = new LinkedHashMap<>();
        versions.all().forEach(v -> newest.put(v.getCode(), v));
        return newest.values().stream().map(InstrumentVersion::toRow).toList();
    }

    /** Every version of one instrument, oldest first. */
    @Secured(Authorities.TENANT_ADMIN)
    public List<InstrumentVersionRow> versions(String code) {
        return versions.versions(code).stream().map(InstrumentVersion::toRow).toList();
    }

    /**
     * Saves an instrument as its draft: a new instrument's version 1 ({@code basedOn} null), the next version of the
     * published version {@code basedOn}, or over the draft {@code basedOn}. Refused when the newest version is no
     * longer the one the designer opened (another administrator saved or published meanwhile): the last save must not
     * silently win. Answers the draft's version number.
     */
    @Secured(Authorities.TENANT_ADMIN)
    public int saveDraft(Instrument instrument, @Nullable Integer basedOn) {
        InstrumentRules.check(instrument);
        checkItemCodesAreTheirOwn(List.of(instrument), instrument);
        Optional<InstrumentVersion> newest = versions.newest(instrument.code());
        if (!Objects.equals(newest.map(InstrumentVersion::getNumber).orElse(null), basedOn)) {
            throw newest.isPresent() && basedOn == null ? ValidationException.of("code", "instrument.code.taken")
                    : ValidationException.of("instrument", "instrument.changed-meanwhile");
        }
        return store(instrument);
    }

    /**
     * Publishes an instrument's draft as the designer saw it ({@code seen}); from now on new entries use it. Refused
     * when the draft holds something else (changed meanwhile). Answers the version published.
     */
    @Secured(Authorities.TENANT_ADMIN)
    public int publish(String code, Instrument seen) {
        InstrumentVersion draft = versions.newest(code).filter(v -> v.getStatus() == InstrumentVersion.Status.DRAFT)
                .orElseThrow(() -> new NotFoundException("Instrument draft", code));
        if (!draft.getInstrument().equals(seen)) {
            throw ValidationException.of("instrument", "instrument.changed-meanwhile");
        }
        // A version identical to the one before would only make entries say a different number.
        Optional<InstrumentVersion> previous = versions.version(code, draft.getNumber() - 1);
        if (previous.isPresent() && previous.get().getInstrument().equals(draft.getInstrument())) {
            throw ValidationException.of("instrument", "instrument.unchanged", previous.get().getNumber());
        }
        InstrumentRules.check(draft.getInstrument());
        checkItemCodesAreTheirOwn(List.of(draft.getInstrument()), draft.getInstrument());
        if (!versions.publish(draft, clock.instant(), CurrentUser.require().username())) {
            throw ValidationException.of("instrument", "instrument.changed-meanwhile");
        }
        audit.record("instrument.published", ENTITY, code, null,
                Map.of("code", code, "version", draft.getNumber()), null);
        return draft.getNumber();
    }

    /** Drops an instrument's draft; its published versions stay. */
    @Secured(Authorities.TENANT_ADMIN)
    public void discardDraft(String code) {
        if (versions.discardDraft(code)) {
            audit.record("instrument.draft-discarded", ENTITY, code, null, null, null);
        }
    }

    /**
     * Reads a REDCap data dictionary and saves each of its instruments as a draft, or refuses the whole file with the
     * first row at fault, its column and why, storing nothing. An instrument identical to its newest version is left
     * alone. Answers the codes of the drafts saved.
     */
    @Secured(Authorities.TENANT_ADMIN)
    public List<String> importDictionary(String csv) {
        DataDictionary.Read read = DataDictionary.read(csv);
        read.check(InstrumentRules::check);
        read.check(instrument -> checkItemCodesAreTheirOwn(read.instruments(), instrument));
        List<String> drafted = new ArrayList<>();
        for (Instrument instrument : read.instruments()) {
            Optional<InstrumentVersion> newest = versions.newest(instrument.code());
            if (newest.isEmpty() || !newest.get().getInstrument().equals(instrument)) {
                store(instrument);
                drafted.add(instrument.code());
            }
        }
        if (!drafted.isEmpty()) {
            audit.record("instruments.imported", ENTITY, String.join(", ", drafted), null, Map.of("instruments",
                    drafted), null);
        }
        return drafted;
    }

    /** The newest published version of every instrument as a REDCap data dictionary. */
    @Secured(Authorities.TENANT_ADMIN)
    public String exportDictionary() {
        Map<String, Instrument> newest = new LinkedHashMap<>();
        versions.all().stream().filter(v -> v.getStatus() == InstrumentVersion.Status.PUBLISHED)
                .forEach(v -> newest.put(v.getCode(), v.getInstrument()));
        return DataDictionary.write(List.copyOf(newest.values()));
    }

    /**
     * Imports and publishes each of the portal's standard instruments the tenant lacks, through the same data
     * dictionary an institution imports its own with; one it already has (perhaps adapted) is left alone. Answers
     * how many were added.
     */
    @Secured(Authorities.TENANT_ADMIN)
    public int defineStandardInstruments() {
        Set<String> defined = versions.all().stream().map(InstrumentVersion::getCode).collect(Collectors.toSet());
        int added = 0;
        for (Instrument instrument : StandardInstruments.all()) {
            if (!defined.contains(instrument.code())) {
                saveDraft(instrument, null);
                publish(instrument.code(), instrument);
                added++;
            }
        }
        return added;
    }

    private int store(Instrument instrument) {
        String by = CurrentUser.require().username();
        Optional<InstrumentVersion> newest = versions.newest(instrument.code());
        if (newest.isPresent() && newest.get().getStatus() == InstrumentVersion.Status.DRAFT) {
            if (!versions.replaceDraft(newest.get(), instrument, clock.instant(), by)) {
                throw ValidationException.of("instrument", "instrument.changed-meanwhile");
            }
            audit.record("instrument.draft-saved", ENTITY, instrument.code(), Map.of("version", newest.get()
                    .getNumber(), "instrument", newest.get().getInstrument()), Map.of("version", newest.get()
                            .getNumber(), "instrument", instrument), null);
            return newest.get().getNumber();
        }
        int number = newest.map(v -> v.getNumber() + 1).orElse(1);
        try {
            versions.add(new InstrumentVersion(instrument.code(), number, InstrumentVersion.Status.DRAFT, instrument,
                    clock.instant(), by));
        } catch (DuplicateKeyException savedMeanwhile) {
            throw ValidationException.of("instrument", "instrument.changed-meanwhile");
        }
        audit.record("instrument.draft-saved", ENTITY, instrument.code(), null, Map.of("version", number,
                "instrument", instrument), null);
        return number;
    }

    /**
     * An item's code names one question in the whole study, as REDCap's variable names do: its API and exports list
     * fields by that name alone, beside each form's {@code <form>_complete}. Another instrument's versions may not use
     * it, nor may it be another instrument's completion field. Refuses the first clash in {@code checked}, among the
     * instruments stored and {@code incoming} (those saved together).
     */
    private void checkItemCodesAreTheirOwn(List<Instrument> incoming, Instrument checked) {
        Map<String, String> owner = new HashMap<>();
        Set<String> incomingCodes = incoming.stream().map(Instrument::code).collect(Collectors.toSet());
        Set<String> forms = new java.util.HashSet<>(incomingCodes);
        versions.all().forEach(v -> forms.add(v.getCode()));
        versions.all().stream().filter(v -> !incomingCodes.contains(v.getCode())).forEach(v -> v.getInstrument()
                .items().forEach(i -> owner.put(i.code(), v.getCode())));
        incoming.stream().filter(i -> i != checked).forEach(other -> other.items().forEach(i -> owner.putIfAbsent(
                i.code(), other.code())));
        if (owner.containsKey(checked.code() + "_complete")) {
            throw ValidationException.of("code", "instrument.item.code.completion", checked.code() + "_complete");
        }
        for (int index = 0; index < checked.items().size(); index++) {
            String code = checked.items().get(index).code();
            String other = owner.get(code);
            if (other != null && !other.equals(checked.code())) {
                throw ValidationException.of("items." + index + ".code", "instrument.item.code.elsewhere", code,
                        other);
            }
            if (code.endsWith("_complete") && forms.contains(code.substring(0, code.length() - "_complete".length()))) {
                throw ValidationException.of("items." + index + ".code", "instrument.item.code.completion", code);
            }
        }
    }
}

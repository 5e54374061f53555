package org.researchportal.assessments;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.Authorities;
import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Service;

/** The tenant's assessment instruments: their items and scores, and the portal's standard ones a tenant lacks. */
@Service
public class InstrumentLibrary {

    /** Codes of instruments, items and scores: safe as export column names and ODM OIDs. */
    private static final String CODE = "[a-z][a-z0-9_]{0,39}";

    private final InstrumentRecords definitions;
    private final AuditTrail audit;

    InstrumentLibrary(InstrumentRecords definitions, AuditTrail audit) {
        this.definitions = definitions;
        this.audit = audit;
    }

    /** Stores an instrument definition (new, or replacing one with the same code). */
    @Secured(Authorities.TENANT_ADMIN)
    public void defineInstrument(Instrument instrument) {
        Set<String> scorable = new HashSet<>();
        Set<String> items = new HashSet<>();
        instrument.items().stream().filter(i -> i.type() != Item.ItemType.TEXT && i.type() != Item.ItemType.DATE)
                .forEach(i -> scorable.add(i.code()));
        boolean valid = instrument.code().matches(CODE) && !instrument.items().isEmpty()
                && instrument.items().stream().allMatch(i -> i.code().matches(CODE) && items.add(i.code()))
                && instrument.scores().stream().allMatch(s -> s.code().matches(CODE) && !s.items().isEmpty()
                        && scorable.containsAll(s.items()) && !items.contains(s.code()));
        if (!valid) {
            throw ValidationException.of("instrument", "assessment.instrument.invalid");
        }
        Optional<InstrumentDefinition> existing = definition(instrument.code());
        if (existing.isPresent()) {
            definitions.replace(existing.get().requireId(), instrument);
        } else {
            definitions.add(new InstrumentDefinition(instrument.code(), instrument));
        }
        audit.record(existing.isPresent() ? "instrument.changed" : "instrument.defined", "Instrument",
                instrument.code(), existing.map(d -> Map.<String, Object>of("instrument", d.getInstrument()))
                        .orElse(null), Map.of("instrument", instrument), null);
    }

    /**
     * Defines each of the portal's standard instruments the tenant lacks and answers how many were added; one it
     * already has (perhaps adapted) is left alone. A new tenant gets them on creation; an institution created before
     * that was so gets them here.
     */
    @Secured(Authorities.TENANT_ADMIN)
    public int defineStandardInstruments() {
        int added = 0;
        Set<String> defined = definitions.codes();
        for (Instrument instrument : StandardInstruments.all()) {
            if (!defined.contains(instrument.code())) {
                defineInstrument(instrument);
                added++;
            }
        }
        return added;
    }

    /** The tenant's instruments, by code: what a schedule of assessments can name. */
    @Secured({Authorities.TENANT_ADMIN, Authorities.ASSESSOR, Authorities.CLINICIAN})
    public List<Instrument> instruments() {
        return definitions.all().stream().map(InstrumentDefinition::getInstrument).toList();
    }

    @Secured({Authorities.TENANT_ADMIN, Authorities.ASSESSOR, Authorities.CLINICIAN})
    public Optional<Instrument> instrument(String code) {
        return definition(code).map(InstrumentDefinition::getInstrument);
    }

    /** Package-private: the assessment service reads an instrument without a second role check. */
    Optional<InstrumentDefinition> definition(String code) {
        return definitions.byCode(code);
    }
}

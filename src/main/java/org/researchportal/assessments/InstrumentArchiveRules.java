package org.researchportal.assessments;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.researchportal.tenancy.ArchiveRules;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.stereotype.Component;

/**
 * A tenant's instrument versions arriving in an archive: each must be an instrument the designer would have stored
 * (the same rules), one document per code and number. Its expressions are text this installation evaluates, so an
 * archive cannot bring one the designer would refuse.
 */
@Component
class InstrumentArchiveRules implements ArchiveRules {

    private final MongoConverter converter;

    InstrumentArchiveRules(MongoConverter converter) {
        this.converter = converter;
    }

    @Override
    public String collection() {
        return "instrument_versions";
    }

    @Override
    public Optional<String> refusal(String tenantId, List<Document> documents) {
        Set<String> seen = new HashSet<>();
        for (Document stored : documents) {
            try {
                InstrumentVersion version = converter.read(InstrumentVersion.class, stored);
                InstrumentRules.check(version.getInstrument());
                if (!version.getInstrument().code().equals(version.getCode()) || version.getNumber() < 1
                        || version.getStatus() == null || !seen.add(version.getCode() + "/" + version.getNumber())) {
                    return Optional.of("tenant.archive.invalid");
                }
            } catch (RuntimeException unreadableOrRefused) {
                return Optional.of("tenant.archive.invalid");
            }
        }
        return Optional.empty();
    }
}

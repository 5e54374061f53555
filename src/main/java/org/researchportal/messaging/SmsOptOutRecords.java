package org.researchportal.messaging;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The phone numbers' own STOP and START answers, in the tenant in scope, kept by the number's keyed hash. */
@Component
class SmsOptOutRecords {

    private final TenantDocuments documents;

    SmsOptOutRecords(TenantDocuments documents) {
        this.documents = documents;
    }

    /** Which of these numbers (by their keyed hashes) said STOP and not START since: one read for them all. */
    Set<String> optedOutAmong(Collection<String> phoneLookups) {
        if (phoneLookups.isEmpty()) {
            return Set.of();
        }
        // Only the keys of the unique index, so even the embedded store finds them by it; the answer filtered here.
        return documents.find(Query.query(Criteria.where("phoneLookup").in(phoneLookups)), SmsOptOut.class).stream()
                .filter(SmsOptOut::isOptedOut).map(SmsOptOut::getPhoneLookup).collect(Collectors.toSet());
    }

    /** Keeps the number's latest answer, the first one too. */
    void answer(String phoneLookup, boolean optedOut, String keyword, Instant at) {
        documents.findAndModify(Query.query(Criteria.where("phoneLookup").is(phoneLookup)), new Update()
                .set("optedOut", optedOut).set("keyword", keyword).set("changedAt", at),
                FindAndModifyOptions.options().upsert(true), SmsOptOut.class);
    }
}

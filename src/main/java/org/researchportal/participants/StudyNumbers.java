package org.researchportal.participants;

import java.util.function.Predicate;
import org.researchportal.tenancy.TenantDocuments;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Hands out a study's running numbers from atomic counters (screening and study numbers, and the positions of the
 * allocation sequence), so two requests never get the same one. Numbers already taken (records imported with their
 * numbers) are skipped.
 */
@Component
class StudyNumbers {

    private final TenantDocuments documents;

    StudyNumbers(TenantDocuments documents) {
        this.documents = documents;
    }

    /** Reserves {@code count} consecutive numbers of a counter and answers the first. */
    long reserve(String studyId, String counter, int count) {
        StudyCounter advanced = documents.findAndModify(
                Query.query(Criteria.where("studyId").is(studyId).and("name").is(counter)),
                new Update().inc("value", count), FindAndModifyOptions.options().upsert(true).returnNew(true),
                StudyCounter.class);
        return (advanced == null ? count : advanced.getValue()) - count + 1;
    }

    String next(String studyId, String counter, String prefix, Predicate<String> taken) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String number = prefix + String.format("%03d", reserve(studyId, counter, 1));
            if (!taken.test(number)) {
                return number;
            }
        }
        throw new IllegalStateException("No free number for counter " + counter + " of study " + studyId);
    }
}

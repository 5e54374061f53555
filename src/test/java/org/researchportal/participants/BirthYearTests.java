package org.researchportal.participants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.researchportal.audit.AuditEvent;
import org.researchportal.audit.AuditTrail;
import org.researchportal.base.ValidationException;
import org.researchportal.demo.DemoStudyDesigns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Her year of birth, as the clinician records it from her documents (a questionnaire link may ask her for it): a
 * year from 1900 to this year, audited, sealed at rest like her name and phone.
 */
class BirthYearTests extends TrialTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    MongoTemplate mongo;

    private TrialFixture trial;
    private String id;

    @BeforeEach
    void aCandidate() {
        trial = TrialFixture.create(tenants, studies, randomisation, DemoStudyDesigns.reMsRandomisation(), 8);
        id = trial.eligibleConsentedCandidate(screening, consent, "Born Then");
    }

    @Test
    void theClinicianRecordsAYearFrom1900ToThisYearAndTheTrailSaysSo() {
        int nextYear = LocalDate.now().getYear() + 1;
        for (int wrong : new int[] {1899, nextYear}) {
            assertThatThrownBy(() -> trial.doAsClinician(() -> participants.recordBirthYear(id, wrong)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldMessageKeys())
                            .containsEntry("birthYear", "participant.birth-year.invalid"));
        }
        trial.doAsClinician(() -> participants.recordBirthYear(id, 1958));
        assertThat(trial.asClinician(() -> participants.participantRecord(id)).birthYear()).isEqualTo(1958);
        AuditEvent recorded = trial.asClinician(() -> audit.participantHistory(id)).getFirst();
        assertThat(recorded.getAction()).isEqualTo("participant.birth-year-recorded");
        assertThat(recorded.getAfter()).containsEntry("birthYear", 1958);

        trial.doAsClinician(() -> participants.recordBirthYear(id, null));
        assertThat(trial.asClinician(() -> participants.participantRecord(id)).birthYear()).isNull();
    }

    @Test
    void theYearIsSealedAtRest() {
        trial.doAsClinician(() -> participants.recordBirthYear(id, 1958));
        Document raw = mongo.findOne(Query.query(Criteria.where("_id").is(id)), Document.class, "participants");
        assertThat(raw).isNotNull();
        assertThat(raw.get("birthYear")).isNotNull().asString().doesNotContain("1958");
    }
}

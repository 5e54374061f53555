package org.researchportal.quality.ui;

import com.vaadin.flow.component.Component;
import org.researchportal.assessments.AdverseEventService;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.InstrumentLibrary;
import org.researchportal.identity.Reauthentications;
import org.researchportal.participants.ParticipantRecord;
import org.researchportal.participants.ParticipantRecordSection;
import org.researchportal.quality.Signatures;
import org.researchportal.study.StudyService;

/** Contributes the investigator's signatures to each participant's record, next to the timepoints. */
@org.springframework.stereotype.Component
class SignaturesSection implements ParticipantRecordSection {

    private final Signatures signatures;
    private final Reauthentications reauthentications;
    private final StudyService studies;
    private final AssessmentService assessments;
    private final AdverseEventService adverseEvents;
    private final InstrumentLibrary library;

    SignaturesSection(Signatures signatures, Reauthentications reauthentications, StudyService studies,
            AssessmentService assessments, AdverseEventService adverseEvents, InstrumentLibrary library) {
        this.library = library;
        this.signatures = signatures;
        this.reauthentications = reauthentications;
        this.studies = studies;
        this.assessments = assessments;
        this.adverseEvents = adverseEvents;
    }

    @Override
    public int order() {
        return 7;
    }

    @Override
    public Component section(ParticipantRecord record, Runnable reload) {
        return new SignaturesPanel(record, signatures, reauthentications, studies, assessments, adverseEvents,
                library, reload);
    }
}

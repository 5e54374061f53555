package org.researchportal.reporting;

import java.util.List;
import java.util.Optional;
import org.researchportal.messaging.StudyNames;
import org.researchportal.study.StudyService;
import org.researchportal.study.StudySummary;
import org.springframework.stereotype.Component;

/**
 * Tells messaging the tenant's study names. It lives here, not in the study module, because participants reads
 * studies and messaging reads participants: study answering messaging would close a cycle. Reporting reads every
 * module and no module reads reporting.
 */
@Component
class MessagingStudyNames implements StudyNames {

    private final StudyService studies;

    MessagingStudyNames(StudyService studies) {
        this.studies = studies;
    }

    @Override
    public List<StudyName> studies() {
        return studies.studies().stream().map(MessagingStudyNames::name).toList();
    }

    @Override
    public Optional<StudyName> study(String studyId) {
        return studies.study(studyId).map(MessagingStudyNames::name);
    }

    private static StudyName name(StudySummary study) {
        return new StudyName(study.id(), study.acronym());
    }
}

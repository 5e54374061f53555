package org.researchportal.participants;

import org.researchportal.PortalTest;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/** A trial-operations test: the services a clinician's work goes through, for use with a {@link TrialFixture}. */
abstract class TrialTest extends PortalTest {

    @Autowired
    protected TenantService tenants;
    @Autowired
    protected StudyService studies;
    @Autowired
    protected RandomisationService randomisation;
    @Autowired
    protected ScreeningService screening;
    @Autowired
    protected ConsentService consent;
    @Autowired
    protected ParticipantService participants;
    @Autowired
    protected BlindedParticipants blindedParticipants;
    @Autowired
    protected EnrolmentCounts enrolmentCounts;
    @Autowired
    protected ParticipationService participation;
}

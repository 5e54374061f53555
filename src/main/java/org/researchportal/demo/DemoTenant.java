package org.researchportal.demo;

import java.util.List;
import org.researchportal.study.EligibilityModel;
import org.researchportal.study.RandomisationPlan;
import org.researchportal.study.StudyRecord;

/** One demo institution: its tenant, study, people and participants. */
record DemoTenant(String code, String name, String timeZone, String phonePrefix, StudyRecord study,
        EligibilityModel eligibility, RandomisationPlan randomisation, List<DemoAccount> accounts,
        List<DemoParticipant> participants) {
}

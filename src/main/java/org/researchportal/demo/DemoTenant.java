package org.researchportal.demo;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.researchportal.study.EligibilityModel;
import org.researchportal.study.RandomisationPlan;
import org.researchportal.study.StudyRecord;
import org.researchportal.study.Timepoint;

/** One demo institution: its tenant, study, people and participants. */
record DemoTenant(String code, String name, String timeZone, String phonePrefix, StudyRecord study,
        EligibilityModel eligibility, RandomisationPlan randomisation,
        Function<Boolean, Map<String, Double>> screeningValues, List<Timepoint> schedule, List<DemoAccount> accounts,
        List<DemoParticipant> participants) {}

package org.researchportal.redcap;

import java.util.LinkedHashMap;
import java.util.Map;
import org.researchportal.identity.TokenStudies;
import org.researchportal.study.StudyService;
import org.springframework.stereotype.Component;

/** The studies a REDCap token may be for: the tenant's, as the person may see them. */
@Component
class RedcapStudies implements TokenStudies {

    private final StudyService studies;

    RedcapStudies(StudyService studies) {
        this.studies = studies;
    }

    @Override
    public Map<String, String> studies() {
        Map<String, String> byId = new LinkedHashMap<>();
        studies.studies().forEach(s -> byId.put(s.id(), s.acronym()));
        return byId;
    }
}

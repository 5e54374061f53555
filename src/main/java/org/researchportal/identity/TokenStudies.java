package org.researchportal.identity;

import java.util.Map;

/**
 * The studies of the signed-in person's tenant a REDCap token may be for, by id with their acronym. Identity cannot
 * know studies (the study module builds on identity), so the module that serves REDCap's API provides them.
 */
public interface TokenStudies {

    Map<String, String> studies();
}

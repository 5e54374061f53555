package org.researchportal.quality;

import org.jspecify.annotations.Nullable;
import org.researchportal.base.clinical.ClinicalForm;

/** One form holding data, with its participant's study number, whether the plan requires it and its mark. */
public record SdvForm(ClinicalForm form, @Nullable String studyNumber, boolean required, VerificationState state) {}

package org.researchportal.quality;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.identity.SigningProof;

/**
 * A signature as it is shown and exported: the signer's printed name, the time and the meaning (a translation key)
 * (21 CFR 11.50), what it covers (the forms' keys, {@link org.researchportal.base.clinical.ClinicalForm#key()}, and a
 * SHA-256 digest of their data when signed), and, once voided, when, by whom and why.
 *
 * @param timepoint the timepoint's code for a {@link SignatureScope#TIMEPOINT} signature
 * @param fullIdentification whether the signer gave username and password, not the password alone
 * @param voidedForm the form whose change voided it
 */
public record SignatureRecord(String id, String studyId, String participantId, SignatureScope scope,
        @Nullable String timepoint, List<String> forms, String digest, String meaning, String signerAccountId,
        String signerUsername, String signerName, Instant signedAt, SigningProof.Method method,
        boolean fullIdentification, Instant reauthenticatedAt, @Nullable Instant voidedAt, @Nullable String voidedBy,
        @Nullable String voidedByName, @Nullable String voidReason, @Nullable String voidedForm) {

    /** The meaning every signature here carries: the investigator reviewed the data and approves it. */
    public static final String REVIEWED_AND_APPROVED = "signature.meaning.reviewed-approved";

    public boolean valid() {
        return voidedAt == null;
    }
}

package org.researchportal.participants;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.storage.PersonalText;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.convert.ValueConverter;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person in a study, from screening on. The arm is the allocation: once set it never changes, and it never leaves
 * this module towards a blinded role.
 */
@Document("participants")
@CompoundIndex(name = "tenant_study_status_number",
        def = "{'tenantId': 1, 'studyId': 1, 'status': 1, 'studyNumber': 1}")
@CompoundIndex(name = "tenant_study_number", def = "{'tenantId': 1, 'studyId': 1, 'studyNumber': 1}")
@CompoundIndex(name = "tenant_screening_number", def = "{'tenantId': 1, 'studyId': 1, 'screeningNumber': 1}",
        unique = true)
@CompoundIndex(name = "tenant_therapist_status_number",
        def = "{'tenantId': 1, 'therapistId': 1, 'status': 1, 'studyNumber': 1}")
@CompoundIndex(name = "tenant_coordinator", def = "{'tenantId': 1, 'coordinatorId': 1, 'status': 1}")
@CompoundIndex(name = "tenant_account", def = "{'tenantId': 1, 'accountId': 1}")
public class Participant extends TenantOwnedDocument {

    public static final int NAME_MAX_LENGTH = 100;
    public static final int NUMBER_MAX_LENGTH = 24;
    public static final int CALL_TIME_MAX_LENGTH = 60;

    private String studyId;
    private String screeningNumber;
    private @Nullable String studyNumber;
    // Personal data, sealed at rest.
    @ValueConverter(PersonalText.class)
    private String displayName;
    private ParticipantStatus status;
    private @Nullable String armCode;
    private LocalDate screenedOn;
    private @Nullable LocalDate enrolledOn;
    private @Nullable LocalDate withdrawnOn;
    @ValueConverter(PersonalText.class)
    private @Nullable String phone;
    @ValueConverter(PersonalText.class)
    private @Nullable String email;
    /** Her year of birth as the clinician recorded it (a questionnaire link may ask for it), sealed like the rest. */
    @ValueConverter(PersonalText.class)
    private @Nullable String birthYear;
    private String language;
    private String timeZone;
    @ValueConverter(PersonalText.class)
    private @Nullable String preferredCallTime;
    /** Reminder time and quiet hours; absent means the defaults. */
    private @Nullable LocalTime reminderTime;
    private @Nullable LocalTime quietFrom;
    private @Nullable LocalTime quietUntil;
    private @Nullable String therapistId;
    private @Nullable String coordinatorId;
    private @Nullable String accountId;
    private @Nullable String screenedBy;
    private @Nullable EligibilityAssessment eligibility;
    private @Nullable Consent consent;
    /** Consents replaced by a re-consent on a newer form version, oldest first. */
    private @Nullable List<Consent> earlierConsents;
    private @Nullable Randomisation randomisation;
    /** A short lease while one clinician randomises, so two cannot do it at once. */
    private @Nullable Instant randomisingSince;
    private @Nullable List<Unblinding> unblindings;
    private @Nullable List<StatusChange> statusChanges;
    private @Nullable List<ProtocolDeviation> deviations;

    Participant(String studyId, String screeningNumber, @Nullable String studyNumber, String displayName,
            ParticipantStatus status, @Nullable String armCode, LocalDate screenedOn, @Nullable LocalDate enrolledOn,
            @Nullable LocalDate withdrawnOn, @Nullable String phone, @Nullable String email, String language,
            String timeZone, @Nullable String preferredCallTime, @Nullable String therapistId,
            @Nullable String coordinatorId, @Nullable String accountId) {
        this.studyId = studyId;
        this.screeningNumber = screeningNumber;
        this.studyNumber = studyNumber;
        this.displayName = displayName;
        this.status = status;
        this.armCode = armCode;
        this.screenedOn = screenedOn;
        this.enrolledOn = enrolledOn;
        this.withdrawnOn = withdrawnOn;
        this.phone = phone;
        this.email = email;
        this.language = language;
        this.timeZone = timeZone;
        this.preferredCallTime = preferredCallTime;
        this.therapistId = therapistId;
        this.coordinatorId = coordinatorId;
        this.accountId = accountId;
    }

    public String getStudyId() {
        return studyId;
    }

    public String getScreeningNumber() {
        return screeningNumber;
    }

    public @Nullable String getStudyNumber() {
        return studyNumber;
    }

    public String getDisplayName() {
        return displayName;
    }

    public ParticipantStatus getStatus() {
        return status;
    }

    @Nullable
    String getArmCode() {
        return armCode;
    }

    public LocalDate getScreenedOn() {
        return screenedOn;
    }

    public @Nullable LocalDate getEnrolledOn() {
        return enrolledOn;
    }

    public @Nullable LocalDate getWithdrawnOn() {
        return withdrawnOn;
    }

    public @Nullable String getPhone() {
        return phone;
    }

    /** Her year of birth, if the clinician recorded it. */
    public @Nullable Integer getBirthYear() {
        return birthYear == null ? null : Integer.valueOf(birthYear);
    }

    public @Nullable String getEmail() {
        return email;
    }

    public String getLanguage() {
        return language;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public @Nullable String getPreferredCallTime() {
        return preferredCallTime;
    }

    public @Nullable String getTherapistId() {
        return therapistId;
    }

    public @Nullable String getCoordinatorId() {
        return coordinatorId;
    }

    public ContactPreferences getContactPreferences() {
        return new ContactPreferences(timeZone, reminderTime == null ? ContactPreferences.DEFAULT_REMINDER
                : reminderTime, quietFrom == null ? ContactPreferences.DEFAULT_QUIET_FROM : quietFrom,
                quietUntil == null ? ContactPreferences.DEFAULT_QUIET_UNTIL : quietUntil);
    }

    public @Nullable String getAccountId() {
        return accountId;
    }

    public @Nullable String getScreenedBy() {
        return screenedBy;
    }

    public @Nullable EligibilityAssessment getEligibility() {
        return eligibility;
    }

    public @Nullable Consent getConsent() {
        return consent;
    }

    public List<Consent> getEarlierConsents() {
        return earlierConsents == null ? List.of() : List.copyOf(earlierConsents);
    }

    public @Nullable Randomisation getRandomisation() {
        return randomisation;
    }

    public List<Unblinding> getUnblindings() {
        return unblindings == null ? List.of() : List.copyOf(unblindings);
    }

    public List<StatusChange> getStatusChanges() {
        return statusChanges == null ? List.of() : List.copyOf(statusChanges);
    }

    public List<ProtocolDeviation> getDeviations() {
        return deviations == null ? List.of() : List.copyOf(deviations);
    }

    void setScreenedBy(String screenedBy) {
        this.screenedBy = screenedBy;
    }
}

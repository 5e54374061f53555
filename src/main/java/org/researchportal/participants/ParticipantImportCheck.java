package org.researchportal.participants;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.researchportal.base.Inputs;
import org.researchportal.base.PhoneNumbers;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountService;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.StudySummary;
import org.springframework.stereotype.Component;

/** Checks a participant record brought in from elsewhere as a whole, before anything of it is written. */
@Component
class ParticipantImportCheck {

    private final ParticipantRecords records;
    private final AccountService accounts;
    private final PhoneNumbers phones;

    ParticipantImportCheck(ParticipantRecords records, AccountService accounts, PhoneNumbers phones) {
        this.records = records;
        this.accounts = accounts;
        this.phones = phones;
    }

    void validate(ParticipantImport record, StudySummary study) {
        if (records.screeningNumberTaken(study.id(), record.screeningNumber().trim())) {
            throw ValidationException.of("screeningNumber", "participant.screening-number.taken");
        }
        Map<String, String> errors = new HashMap<>();
        if (Inputs.isBlankOrLonger(record.displayName(), Participant.NAME_MAX_LENGTH)) {
            errors.put("displayName", "participant.name.invalid");
        }
        if (Inputs.isBlankOrLonger(record.screeningNumber(), Participant.NUMBER_MAX_LENGTH)) {
            errors.put("screeningNumber", "participant.screening-number.invalid");
        }
        String studyNumber = record.studyNumber();
        if (studyNumber != null && Inputs.isBlankOrLonger(studyNumber, Participant.NUMBER_MAX_LENGTH)) {
            errors.put("studyNumber", "participant.study-number.invalid");
        }
        if (!phones.isOptionalValid(record.phone())) {
            errors.put("phone", "participant.phone.invalid");
        }
        if (!Inputs.isOptionalEmail(record.email())) {
            errors.put("email", "participant.email.invalid");
        }
        String callTime = record.preferredCallTime();
        if (callTime != null && callTime.length() > Participant.CALL_TIME_MAX_LENGTH) {
            errors.put("preferredCallTime", "participant.call-time.invalid");
        }
        Optional<Arm> arm = Optional.ofNullable(record.armCode()).flatMap(code -> study.arms().stream()
                .filter(a -> a.code().equals(code)).findFirst());
        boolean allocated = record.status() == ParticipantStatus.ENROLLED
                || (ParticipantStatus.AFTER_ENROLMENT.contains(record.status()) && record.armCode() != null);
        if (allocated && (arm.isEmpty() || record.enrolledOn() == null)) {
            errors.put("armCode", "participant.arm.invalid");
        }
        if (!allocated && record.armCode() != null) {
            errors.put("armCode", "participant.arm.not-allocated");
        }
        if (!datesInOrder(record, allocated)) {
            errors.put("enrolledOn", "participant.dates.invalid");
        }
        try {
            ZoneId.of(record.timeZone());
        } catch (RuntimeException e) {
            errors.put("timeZone", "participant.timezone.invalid");
        }
        validateLinks(record, arm, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Screened, then enrolled (only when allocated), then withdrawn (which needs its date). */
    private static boolean datesInOrder(ParticipantImport record, boolean allocated) {
        LocalDate enrolled = record.enrolledOn();
        LocalDate withdrawn = record.withdrawnOn();
        boolean withdrawnDated = (record.status() == ParticipantStatus.WITHDRAWN) == (withdrawn != null);
        boolean enrolledDated = allocated || enrolled == null;
        boolean ordered = (enrolled == null || !enrolled.isBefore(record.screenedOn()))
                && (withdrawn == null || !withdrawn.isBefore(enrolled != null ? enrolled : record.screenedOn()));
        return withdrawnDated && enrolledDated && ordered;
    }

    /**
     * The linked accounts must be this tenant's, hold the right role, and fit: one participant per participant
     * account, and a therapist only for an intervention arm (the control arm has no programme to follow).
     */
    private void validateLinks(ParticipantImport record, Optional<Arm> arm, Map<String, String> errors) {
        String account = record.accountId();
        if (account != null && (!accounts.holdsRole(account, PortalRole.PARTICIPANT)
                || records.accountLinked(account))) {
            errors.put("accountId", "participant.account.invalid");
        }
        String therapist = record.therapistId();
        if (therapist != null && (!accounts.holdsRole(therapist, PortalRole.THERAPIST)
                || arm.map(Arm::kind).orElse(null) != ArmKind.INTERVENTION)) {
            errors.put("therapistId", "participant.therapist.invalid");
        }
        String coordinator = record.coordinatorId();
        if (coordinator != null && !accounts.holdsRole(coordinator, PortalRole.COORDINATOR)) {
            errors.put("coordinatorId", "participant.coordinator.invalid");
        }
    }
}

package org.researchportal.exercise;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.researchportal.tenancy.TenantOwnedDocument;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A participant's home programme: prescribed from a template of one manual edition (which it keeps pointing at), on
 * set weekdays from a start date, with every change kept.
 */
@Document("programmes")
@CompoundIndex(name = "tenant_participant", def = "{'tenantId': 1, 'participantId': 1}", unique = true)
// The study's programmes by participant, for the CERT report and the adherence figures.
@CompoundIndex(name = "tenant_study_participant", def = "{'tenantId': 1, 'studyId': 1, 'participantId': 1}")
public class Programme extends TenantOwnedDocument {

    private String participantId;
    private String studyId;
    private String manualId;
    private int manualEdition;
    private String template;
    private LocalDate startDate;
    private List<DayOfWeek> weekdays;
    private List<ProgrammeItem> items;
    private List<ProgrammeChange> changes;
    private Instant prescribedAt;

    Programme(String participantId, String studyId, String manualId, int manualEdition, String template,
            LocalDate startDate, List<DayOfWeek> weekdays, List<ProgrammeItem> items, List<ProgrammeChange> changes,
            Instant prescribedAt) {
        this.participantId = participantId;
        this.studyId = studyId;
        this.manualId = manualId;
        this.manualEdition = manualEdition;
        this.template = template;
        this.startDate = startDate;
        this.weekdays = List.copyOf(weekdays);
        this.items = List.copyOf(items);
        this.changes = new ArrayList<>(changes);
        this.prescribedAt = prescribedAt;
    }

    public String getParticipantId() {
        return participantId;
    }

    public String getStudyId() {
        return studyId;
    }

    String getManualId() {
        return manualId;
    }

    public int getManualEdition() {
        return manualEdition;
    }

    public String getTemplate() {
        return template;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public List<DayOfWeek> getWeekdays() {
        return weekdays;
    }

    public List<ProgrammeItem> getItems() {
        return items;
    }

    public List<ProgrammeChange> getChanges() {
        return List.copyOf(changes);
    }

    /** Whether a date is one of the programme's exercise days. */
    public boolean isProgrammeDay(LocalDate date) {
        return !date.isBefore(startDate) && weekdays.contains(date.getDayOfWeek());
    }

    /** The programme days from one date to another, both included. */
    public List<LocalDate> programmeDays(LocalDate from, LocalDate to) {
        return from.datesUntil(to.plusDays(1)).filter(this::isProgrammeDay).toList();
    }
}

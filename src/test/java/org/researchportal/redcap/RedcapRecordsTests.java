package org.researchportal.redcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.i18n.I18NProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.researchportal.assessments.AssessmentRecord;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.Choice;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.InstrumentEntry;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.ItemType;
import org.researchportal.assessments.Wording;
import org.researchportal.base.security.PortalPrincipal;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.security.PortalUser;
import org.researchportal.participants.BlindedParticipantRow;
import org.researchportal.participants.BlindedParticipants;
import org.researchportal.participants.ParticipantStatus;
import org.researchportal.study.StudySummary;
import org.researchportal.study.Timepoint;
import org.springframework.data.domain.SliceImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A checkbox as REDCap has it: one column per choice ({@code name___code}, 0/1, Checked/Unchecked or the choice's
 * label), one EAV row per ticked choice under the field's own name, and on import each choice column ticks or unticks
 * its choice; a descriptive item is no column.
 */
class RedcapRecordsTests {

    private static final Item INTRO = new Item("intro", ItemType.DESCRIPTIVE, new Wording("Since the last visit",
            null), null, null, null, null, List.of(), false, null, null, null, false, null);
    private static final Item WHICH = new Item("which", ItemType.MULTIPLE_CHOICE, new Wording("Symptoms", null), null,
            null, null, null, List.of(new Choice("a", new Wording("Hot flushes", null)), new Choice("b",
                    new Wording("Joint pain", null))), false, null, null, null, false, null);
    private static final Instrument SYMPTOMS = new Instrument("symptoms", new Wording("Symptoms", null), List.of(
            INTRO, WHICH), null);
    private static final RedcapProject PROJECT = RedcapProject.of(new StudySummary("s1", "TEST", "Test", null,
            List.of(), 10, null, null), List.of(new Timepoint("baseline", "Baseline", "基线", 0, 3, 3, List.of(
                    "symptoms"))), code -> code.equals("symptoms") ? Optional.of(SYMPTOMS) : Optional.empty());
    private static final BlindedParticipantRow ONE = new BlindedParticipantRow("p1", "s1", "TEST-001", "One",
            ParticipantStatus.ENROLLED, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), null);

    private final BlindedParticipants participants = mock(BlindedParticipants.class);
    private final AssessmentService assessments = mock(AssessmentService.class);
    private final RedcapRecords records = new RedcapRecords(participants, assessments, mock(I18NProvider.class),
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));
    private final AssessmentRecord saved = new AssessmentRecord("e1", "p1", "baseline", "symptoms", 1, LocalDate.of(
            2026, 1, 2), Map.of("which", "b"), Map.of(), "assessor", Instant.parse("2026-01-02T10:00:00Z"));

    RedcapRecordsTests() {
        when(participants.blindedParticipants(eq("s1"), any())).thenReturn(new SliceImpl<>(List.of(ONE)));
        when(assessments.assessmentsOf(eq("s1"), any())).thenReturn(List.of(saved));
        when(assessments.entry("p1", "baseline", "symptoms")).thenReturn(Optional.of(new InstrumentEntry(SYMPTOMS, 1,
                saved)));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private RedcapRecords.Rows export(boolean eav, boolean labels, boolean checkboxLabels) {
        return records.export(PROJECT, new RedcapRecords.Export(eav, List.of(), List.of(), List.of(), List.of(),
                labels, false, checkboxLabels));
    }

    @Test
    void aCheckboxIsAColumnPerChoiceAndADescriptiveItemNone() {
        assertThat(PROJECT.exportFieldNames(null)).extracting(r -> r.get("export_field_name"))
                .containsExactly("record_id", "which___a", "which___b", "symptoms_complete");
        assertThat(PROJECT.exportFieldNames("which")).extracting(r -> r.get("choice_value")).containsExactly("a",
                "b");
        assertThat(export(false, false, false).rows()).containsExactly(Map.of("record_id", "TEST-001",
                "redcap_event_name", "baseline_arm_1", "which___a", "0", "which___b", "1", "symptoms_complete", "2"));
        assertThat(export(false, true, false).rows().getFirst()).containsEntry("which___a", "Unchecked")
                .containsEntry("which___b", "Checked").containsEntry("symptoms_complete", "Complete")
                .containsEntry("redcap_event_name", "Baseline");
        assertThat(export(false, true, true).rows().getFirst()).containsEntry("which___a", "")
                .containsEntry("which___b", "Joint pain");
        assertThat(export(true, false, false).rows()).containsExactly(Map.of("record", "TEST-001", "field_name",
                "which", "value", "b", "redcap_event_name", "baseline_arm_1"), Map.of("record", "TEST-001",
                        "field_name", "symptoms_complete", "value", "2", "redcap_event_name", "baseline_arm_1"));
    }

    @Test
    void anImportTicksAndUnticksChoicesAndKeepsTheRest() {
        signInAs(PortalRole.ASSESSOR);
        List<String> ids = records.importRows(PROJECT, List.of(Map.of("record_id", "TEST-001", "redcap_event_name",
                "baseline_arm_1", "which___a", "1")), false);
        assertThat(ids).containsExactly("TEST-001");
        verify(assessments).record("p1", "baseline", "symptoms", 1, LocalDate.of(2026, 1, 2), Map.of("which", "a,b"),
                "API import");

        assertThatThrownBy(() -> records.importRows(PROJECT, List.of(Map.of("record_id", "TEST-001",
                "redcap_event_name", "baseline_arm_1", "which___c", "1")), false))
                .isInstanceOf(RedcapFailure.class).hasMessageContaining("which___c");
        assertThatThrownBy(() -> records.importRows(PROJECT, List.of(Map.of("record_id", "TEST-001",
                "redcap_event_name", "baseline_arm_1", "which___b", "yes")), false))
                .isInstanceOf(RedcapFailure.class).hasMessage("\"TEST-001\",\"which___b\",\"yes\",\"A checkbox takes 1 "
                        + "or 0\"");
    }

    @Test
    void unchangedAnswersWriteNothing() {
        signInAs(PortalRole.ASSESSOR);
        records.importRows(PROJECT, List.of(Map.of("record_id", "TEST-001", "redcap_event_name", "baseline_arm_1",
                "which___a", "0", "which___b", "1")), true);
        verify(assessments, never()).record(any(), any(), any(), any(), any(), any());
    }

    private static void signInAs(PortalRole role) {
        PortalUser user = new PortalUser("a1", "assessor", "Assessor", "t1", "Tenant", Set.of(role), Locale.ENGLISH,
                ZoneOffset.UTC);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                (PortalPrincipal) () -> user, null, List.of()));
    }
}

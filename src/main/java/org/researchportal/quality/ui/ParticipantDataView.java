package org.researchportal.quality.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.FormMarkings;
import org.researchportal.base.ui.Formats;
import org.researchportal.base.ui.MissingParameter;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.quality.ParticipantData;
import org.researchportal.quality.ParticipantForms;

/**
 * One participant's every form, read only, for the monitor who questions, verifies and locks them and the principal
 * investigator who signs them. What a monitor reads is blinded by the service, not by this page.
 */
@Route("monitor/participant")
@RolesAllowed({Roles.MONITOR, Roles.CLINICIAN})
final class ParticipantDataView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    private final ParticipantForms forms;
    private final FormMarkings markings;
    private String title = "";

    ParticipantDataView(ParticipantForms forms, FormMarkings markings) {
        this.forms = forms;
        this.markings = markings;
        addClassNames("portal-view", "participant-data");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter @Nullable String participantId) {
        if (MissingParameter.forwardedHome(event, participantId)) {
            return;
        }
        try {
            show(forms.forms(participantId, getLocale()));
        } catch (org.researchportal.base.NotFoundException notInThisTenant) {
            // Named in full: the router has a NotFoundException of its own, imported above.
            event.rerouteToError(NotFoundException.class);
        }
    }

    private void show(ParticipantData data) {
        removeAll();
        var participant = data.participant();
        title = Formats.text(participant.studyNumber()) + " · " + participant.displayName();
        var status = new Paragraph(getTranslation("participant.status") + ": "
                + getTranslation(participant.status().messageKey()));
        status.addClassName("participant-data__status");
        add(new ViewToolbar(title), status);
        if (data.forms().isEmpty()) {
            add(new Paragraph(getTranslation("data.none")));
        }
        data.forms().forEach(form -> add(new FormCard(form, markings)));
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}

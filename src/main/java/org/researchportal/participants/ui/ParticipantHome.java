package org.researchportal.participants.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import org.researchportal.base.security.Roles;
import org.researchportal.base.ui.ViewToolbar;
import org.researchportal.participants.ParticipantHomeSection;
import org.researchportal.participants.ParticipantService;

/** The participant's home, made for a phone: their study, what their group does, and how to reach the team. */
@Route("my-study")
@Menu(order = 50, icon = "HOME", title = "menu.participant")
@RolesAllowed(Roles.PARTICIPANT)
final class ParticipantHome extends Main implements HasDynamicTitle {

    ParticipantHome(ParticipantService participants, List<ParticipantHomeSection> sections) {
        addClassNames("portal-view", "participant-home");
        add(new ViewToolbar(getTranslation("menu.participant")));
        participants.myParticipation().ifPresentOrElse(me -> {
            var preferences = new Anchor("my-contact", getTranslation("preferences.open"));
            preferences.addClassName("big-link");
            add(new WelcomeCard(me));
            // What she is asked to do now (her questionnaires) comes before what she reads.
            sections.stream().sorted(Comparator.comparingInt(ParticipantHomeSection::order))
                    .forEach(s -> s.section().ifPresent(this::add));
            add(new ArmContentCard(me), new TeamContactCard(me), preferences);
        }, () -> {
            var notice = new Paragraph(getTranslation("participant-home.not-linked"));
            notice.addClassName("portal-notice");
            add(notice);
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.participant");
    }
}

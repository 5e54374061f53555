package org.researchportal.participants.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.researchportal.base.ValidationException;
import org.researchportal.base.security.PortalRole;
import org.researchportal.base.ui.FieldErrors;
import org.researchportal.identity.AccountRow;
import org.researchportal.identity.AccountService;
import org.researchportal.participants.CareTeam;
import org.researchportal.participants.CareTeamService;
import org.researchportal.participants.ParticipantRecord;

/**
 * Who looks after a randomised participant: the therapist whose caseload they join, the coordinator who calls them,
 * and the phone account they sign in with (an existing participant account, or one they are invited to below).
 */
final class CareTeamPanel extends Composite<Div> {

    CareTeamPanel(ParticipantRecord record, CareTeamService service, AccountService accounts, Runnable reload) {
        Div card = getContent();
        card.addClassNames("card", "care-team-panel");
        card.add(new H2(getTranslation("care-team.title")));
        CareTeam team = service.careTeam(record.id());

        ComboBox<AccountRow> therapist = people(getTranslation("care-team.therapist"),
                accounts.accountsWithRole(PortalRole.THERAPIST), team.therapistId());
        ComboBox<AccountRow> coordinator = people(getTranslation("care-team.coordinator"),
                accounts.accountsWithRole(PortalRole.COORDINATOR), team.coordinatorId());
        var save = new Button(getTranslation("care-team.save"), e -> {
            try {
                service.assign(record.id(), idOf(therapist.getValue()), idOf(coordinator.getValue()));
                Notification.show(getTranslation("care-team.saved"), 4000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                reload.run();
            } catch (ValidationException refusal) {
                FieldErrors.show(this, refusal, Map.<String, HasValidation>of("therapist", therapist,
                        "coordinator", coordinator));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var assignment = new HorizontalLayout(therapist, coordinator, save);
        assignment.setWrap(true);
        assignment.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        card.add(assignment);

        card.add(new H3(getTranslation("care-team.account")));
        if (team.accountUsername() != null) {
            card.add(new Paragraph(getTranslation("care-team.account.linked", team.accountUsername())));
        } else {
            card.add(new Paragraph(getTranslation("care-team.account.none")));
            List<AccountRow> unlinked = service.unlinkedParticipantAccounts();
            if (!unlinked.isEmpty()) {
                ComboBox<AccountRow> account = people(getTranslation("care-team.account.existing"), unlinked, null);
                var link = new Button(getTranslation("care-team.account.link"), e -> {
                    if (account.getValue() == null) {
                        account.setErrorMessage(getTranslation("care-team.account.choose"));
                        account.setInvalid(true);
                        return;
                    }
                    try {
                        service.linkAccount(record.id(), account.getValue().id());
                        Notification.show(getTranslation("care-team.account.linked-now"), 4000,
                                Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        reload.run();
                    } catch (ValidationException refusal) {
                        FieldErrors.show(this, refusal, Map.of("account", account));
                    }
                });
                var linking = new HorizontalLayout(account, link);
                linking.setAlignItems(HorizontalLayout.Alignment.BASELINE);
                card.add(linking);
            }
        }
    }

    private static ComboBox<AccountRow> people(String label, List<AccountRow> people, @Nullable String chosenId) {
        var box = new ComboBox<AccountRow>(label);
        box.setItems(people);
        box.setItemLabelGenerator(a -> a.displayName() + " (" + a.username() + ")");
        box.setClearButtonVisible(true);
        box.setWidth("20rem");
        people.stream().filter(a -> Objects.equals(a.id(), chosenId)).findFirst().ifPresent(box::setValue);
        return box;
    }

    private static @Nullable String idOf(@Nullable AccountRow account) {
        return account == null ? null : account.id();
    }
}

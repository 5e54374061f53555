package org.researchportal.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.dom.Element;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.security.PortalRole;
import org.researchportal.identity.AccountService;
import org.researchportal.identity.NewAccount;
import org.researchportal.participants.NewCandidate;
import org.researchportal.participants.ScreeningService;
import org.researchportal.study.Arm;
import org.researchportal.study.ArmKind;
import org.researchportal.study.StudyRecord;
import org.researchportal.study.StudyService;
import org.researchportal.tenancy.TenantService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Markup and script typed into free text (a participant's name, a study's title, an arm's name) is shown as the text
 * it is, never run as markup: the clinician's dashboard, with its CONSORT diagram drawn as SVG, and the participant's
 * record show the characters, and no element of the page carries them as HTML.
 */
class MarkupShownAsTextUiTests extends UiTest {

    private static final String SCRIPT_NAME = "<script>alert('name')</script> Li";
    private static final String IMG_ARM = "<img src=x onerror=alert(1)>";
    private static final String TITLE = "Walking <b>study</b> & \"friends\"";

    @Autowired
    TenantService tenants;
    @Autowired
    StudyService studies;
    @Autowired
    AccountService accounts;
    @Autowired
    ScreeningService screening;

    @Test
    void markupInFreeTextIsShownAsText() {
        String tenant = "m" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(null, Set.of(PortalRole.PLATFORM_ADMIN), () -> tenants.create(tenant, "Markup test", "UTC"));
        String study = asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> studies.create(new StudyRecord("MK",
                TITLE, null, List.of(new Arm("A", IMG_ARM, ArmKind.INTERVENTION, "<i>programme</i>"),
                        new Arm("B", "Usual care", ArmKind.CONTROL, "Usual")), 10, null, null, null)).id());
        asSystem(tenant, Set.of(PortalRole.TENANT_ADMIN), () -> accounts.create(new NewAccount(tenant + ".doc",
                "Dr <u>Markup</u>", null, "en", EnumSet.of(PortalRole.CLINICIAN), PASSWORD)));
        String participant = asSystem(tenant, Set.of(PortalRole.CLINICIAN), () -> screening.screen(study,
                new NewCandidate(SCRIPT_NAME, LocalDate.now(), null, null, "en", "UTC", "<a href=x>after 5</a>")));

        signInToUi(tenant + ".doc");
        UI.getCurrent().navigate("clinician");
        assertThat(viewText()).contains(TITLE);
        assertNoMarkupFromData();
        // The CONSORT diagram is SVG markup made by the portal when its card is opened: the arm's name is in it, escaped.
        _find(Details.class).stream().filter(d -> d.getSummary().getElement().getTextRecursively().equals(
                "CONSORT flow")).findFirst().orElseThrow().setOpened(true);
        assertNoMarkupFromData();
        assertThat(String.join("", pageHtml())).contains("&lt;img src=x onerror=alert(1)&gt;");

        UI.getCurrent().navigate("participants/" + participant);
        assertThat(viewText()).contains(SCRIPT_NAME);
        assertNoMarkupFromData();
    }

    /** No element holds the typed markup as HTML; the one HTML element (the CONSORT SVG) holds it escaped. */
    private static void assertNoMarkupFromData() {
        List<String> html = pageHtml();
        assertThat(html).allSatisfy(markup -> assertThat(markup).doesNotContain("<script", "<img", "<b>", "<u>",
                "<a href=x", "<i>"));
        assertThat(String.join("", html)).doesNotContain("onerror=alert(1)>");
    }

    /** What every element of the page (the layout and the view) holds as HTML. */
    private static List<String> pageHtml() {
        List<String> html = new ArrayList<>();
        UI.getCurrent().getChildren().forEach(component -> collectHtml(component.getElement(), html));
        assertThat(html.size() + UI.getCurrent().getChildren().count()).isPositive();
        return html;
    }

    private static void collectHtml(Element element, List<String> html) {
        Object inner = element.getPropertyRaw("innerHTML");
        if (inner != null) {
            html.add(String.valueOf(inner));
        }
        element.getChildren().forEach(child -> collectHtml(child, html));
    }
}

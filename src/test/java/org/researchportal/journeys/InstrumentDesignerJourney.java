package org.researchportal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchportal.assessments.AssessmentService;
import org.researchportal.assessments.Choice;
import org.researchportal.assessments.DataDictionary;
import org.researchportal.assessments.DueAssessment;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.InstrumentDesigner;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.ItemType;
import org.researchportal.assessments.Wording;
import org.researchportal.study.StudyService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A tenant administrator builds a short instrument with a branching item and a score, previews it in Chinese,
 * publishes it and adds it to a timepoint; an assessor then enters it for a participant. And a data dictionary with
 * one bad row is refused with that row shown.
 */
class InstrumentDesignerJourney extends BrowserJourney {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    AssessmentService assessments;
    @Autowired
    StudyService studies;
    @Autowired
    InstrumentDesigner designer;

    @Test
    void anAdministratorBuildsPreviewsAndPublishesAnInstrumentThatAnAssessorThenEnters() throws Exception {
        signIn("lakeside.assessor");
        DueAssessment due = assessments.worklist(studies.studies().getFirst().id()).stream()
                .filter(d -> d.state() == DueAssessment.State.DUE || d.state() == DueAssessment.State.WINDOW_CLOSED)
                .findFirst().orElseThrow();

        signInAs("lakeside.admin");
        open("admin/instruments");
        button("New instrument").click();
        page.waitForURL(u -> u.endsWith("admin/instruments/design"));
        field("Instrument code").fill("jr_walking");
        field("Name (English)").fill("Walking");
        field("Name (Chinese)").fill("步行");
        addItem(0, "Yes or no", "jr_walks", "Do you walk daily?", "您每天步行吗？");
        addItem(1, "Text", "jr_where", "Where do you walk?", "您在哪里步行？");
        field("Show only when").nth(1).fill("[jr_walks] = '1'");
        addItem(2, "Calculated score", "jr_walk_score", "Walking score", "步行得分");
        field("Calculation").nth(0).fill("[jr_walks] * 10");
        button("Save draft").click();
        page.waitForURL(u -> u.endsWith("admin/instruments/design/jr_walking"));
        page.locator(".portal-view").first().waitFor();
        assertThat(page.getByText("Draft of version 1").first()).isVisible();

        Locator phone = page.locator(".phone-frame");
        page.locator(".instrument-preview vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("中文"))
                .click();
        settle();
        assertThat(phone).not().containsText("您在哪里步行？");
        phone.locator("vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("是")).click();
        settle();
        assertThat(phone).containsText("您在哪里步行？");
        assertThat(phone).containsText("步行得分：10");
        assertThat(phone.innerText()).doesNotContain("Yes", "Walking", "Scores");
        Files.createDirectories(SCREENSHOTS);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("instrument-designer-zh.png"))
                .setFullPage(true));

        button("Publish").click();
        settle();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("instrument-publish.png")));
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Publish").setExact(true)).click();
        settle();
        assertThat(page.getByText("Version 1, published").first()).isVisible();

        open("admin/schedule");
        Locator row = timepointRow(due.timepoint());
        row.locator("vaadin-multi-select-combo-box").first().click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Walking").setExact(true)).first()
                .click();
        page.keyboard().press("Escape");
        button("Save").click();
        settle();
        assertThat(page.getByText("Schedule of assessments saved.")).isVisible();

        context.clearCookies();
        signInAs("lakeside.assessor");
        open("assess/" + due.participantId() + "/" + due.timepoint());
        Locator form = page.locator(".instrument-form").filter(new Locator.FilterOptions().setHas(page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Walking").setExact(true))));
        assertThat(form).not().containsText("Where do you walk?");
        form.locator("vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("Yes")).click();
        settle();
        form.getByLabel("Where do you walk?").fill("In the park");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save").setExact(true)).click();
        settle();
        assertThat(form).containsText("Walking score: 10");
        assertThat(assessments.find(due.participantId(), due.timepoint(), "jr_walking")).hasValueSatisfying(
                r -> assertThat(r.answers()).containsEntry("jr_walks", "1").containsEntry("jr_where", "In the park"));
    }

    @Test
    void aDataDictionaryWithOneBadRowIsRefusedWithItsRow() {
        signIn("lakeside.admin");
        int before = designer.designs().size();
        String csv = DataDictionary.write(List.of(new Instrument("jr_imported", new Wording("Imported", "导入"),
                List.of(new Item("jr_imp_a", ItemType.SINGLE_CHOICE, new Wording("Pick", "选"), null, null, null,
                        null, List.of(new Choice("1", new Wording("One", "一"))), false, null, null, null, false,
                        null), Item.number("jr_imp_b", ItemType.INTEGER, "Count", "计数", 0, 9, null, false)),
                null)));
        byte[] bad = csv.replace("jr_imp_b,jr_imported,,text", "jr_imp_b,jr_imported,,textbox")
                .getBytes(StandardCharsets.UTF_8);

        signInAs("lakeside.admin");
        open("admin/instruments");
        FileChooser chooser = page.waitForFileChooser(() -> button("Import data dictionary").click());
        chooser.setFiles(new FilePayload("dictionary.csv", "text/csv", bad));
        Locator result = page.locator(".dictionary-import-result");
        assertThat(result).containsText("Row 4, column \"Field Type\":");
        assertThat(result).containsText("Nothing was imported");
        assertThat(designer.designs()).hasSize(before);
    }

    private void addItem(int index, String kind, String code, String label, String labelZh) {
        button("Add item").click();
        settle();
        field("Kind").nth(index).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(kind).setExact(true)).first().click();
        settle();
        field("Item code").nth(index).fill(code);
        // The item's own card: a score's label is named "Score name", a question's "Question".
        Locator card = page.locator(".designer-item").nth(index);
        String words = kind.equals("Calculated score") ? "Score name" : "Question";
        card.getByLabel(words + " (English)", new Locator.GetByLabelOptions().setExact(true)).fill(label);
        card.getByLabel(words + " (Chinese)", new Locator.GetByLabelOptions().setExact(true)).fill(labelZh);
    }

    /** The schedule's row of a timepoint, found by the code in it. */
    private Locator timepointRow(String code) {
        Locator rows = page.locator(".editable-rows__row");
        for (int i = 0; i < rows.count(); i++) {
            if (rows.nth(i).getByLabel("Code", new Locator.GetByLabelOptions().setExact(true)).first().inputValue()
                    .equals(code)) {
                return rows.nth(i);
            }
        }
        throw new AssertionError("no timepoint " + code);
    }

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}

package org.researchportal.assessments.ui;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.HasValueUtilsKt._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.UploadKt._upload;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.assessments.Choice;
import org.researchportal.assessments.DataDictionary;
import org.researchportal.assessments.Instrument;
import org.researchportal.assessments.InstrumentDesigner;
import org.researchportal.assessments.InstrumentLibrary;
import org.researchportal.assessments.InstrumentVersionRow;
import org.researchportal.assessments.Item;
import org.researchportal.assessments.ItemType;
import org.researchportal.assessments.Wording;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tenant administrator builds an instrument in the designer (branching and a score seen live in the preview, in
 * either language), is shown an expression's error at its field, publishes, and moves instruments in and out as a
 * REDCap data dictionary.
 */
class InstrumentDesignerUiTests extends UiTest {

    @Autowired
    InstrumentDesigner designer;
    @Autowired
    InstrumentLibrary library;

    @Test
    void anAdministratorBuildsAnInstrumentWithBranchingAndAScoreAndPublishesIt() {
        signInToUi("lakeside.admin");
        UI.getCurrent().navigate("admin/instruments");
        _click(_get(Button.class, spec -> spec.withText("New instrument")));
        assertThat(currentPath()).isEqualTo("admin/instruments/design");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Instrument code")), "ui_walking");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name (English)")), "Walking");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name (Chinese)")), "步行");
        ItemEditor walks = addItem(ItemType.YES_NO, "ui_walks", "Do you walk daily?", "您每天步行吗？");
        ItemEditor where = addItem(ItemType.TEXT, "ui_where", "Where do you walk?", "您在哪里步行？");
        _setValue(_get(where, TextField.class, spec -> spec.withLabel("Show only when")), "[ui_walks] = '1'");
        ItemEditor score = addItem(ItemType.CALCULATED, "ui_walk_score", "Walking score", "步行得分");
        _setValue(_get(score, TextField.class, spec -> spec.withLabel("Calculation")), "[ui_walks] * 10");
        assertThat(walks).isNotNull();

        _click(_get(Button.class, spec -> spec.withText("Save draft")));
        assertThat(currentPath()).isEqualTo("admin/instruments/design/ui_walking");
        assertThat(viewText()).contains("Draft of version 1");

        InstrumentPreview preview = _get(InstrumentPreview.class);
        assertThat(_find(preview, TextArea.class)).as("the branching item waits for a yes").isEmpty();
        _setValue(_get(preview, RadioButtonGroup.class, spec -> spec.withLabel("Do you walk daily?")), "1");
        assertThat(_find(preview, TextArea.class)).hasSize(1);
        assertThat(preview.getElement().getTextRecursively()).contains("Walking score: 10");

        preview.setLocale(InstrumentPreview.CHINESE);
        RadioButtonGroup<?> chinese = _get(preview, RadioButtonGroup.class, spec -> spec.withLabel("您每天步行吗？"));
        assertThat(chinese.getValue()).as("the answer stays when the language changes").isEqualTo("1");
        assertThat(_get(preview, TextArea.class).getLabel()).isEqualTo("您在哪里步行？");
        assertThat(preview.getElement().getTextRecursively()).contains("步行", "步行得分：10", "评分")
                .doesNotContain("Walking", "Scores", "Yes");

        _click(_get(Button.class, spec -> spec.withText("Publish")));
        _fireConfirm(_get(ConfirmDialog.class));
        assertThat(viewText()).contains("Version 1, published");
        assertThat(library.instrument("ui_walking").orElseThrow().items()).extracting(Item::code)
                .containsExactly("ui_walks", "ui_where", "ui_walk_score");
        assertThat(library.instrument("ui_walking").orElseThrow().item("ui_where").orElseThrow().showWhen())
                .isEqualTo("[ui_walks] = '1'");

        UI.getCurrent().navigate("admin/instruments");
        assertThat(allCells(_get(com.vaadin.flow.component.grid.Grid.class))).contains("Walking", "ui_walking",
                "Version 1");

        // A published version is only read; "Edit" starts the next draft from it, and discarding it leaves version 1.
        UI.getCurrent().navigate("admin/instruments/design/ui_walking");
        assertThat(_get(TextField.class, spec -> spec.withLabel("Name (English)")).isReadOnly()).isTrue();
        _click(_get(Button.class, spec -> spec.withText("Edit")));
        assertThat(viewText()).contains("Draft of version 2");
        assertThat(designer.versions("ui_walking")).extracting(InstrumentVersionRow::published)
                .containsExactly(true, false);
        _click(_get(Button.class, spec -> spec.withText("Discard draft")));
        _fireConfirm(_get(ConfirmDialog.class));
        assertThat(viewText()).contains("Version 1, published");
        assertThat(designer.versions("ui_walking")).hasSize(1);
    }

    @Test
    void anImportedDictionarysInstrumentsAreListedAsDraftsWaitingToBePublished() {
        signInToUi("lakeside.admin");
        String csv = DataDictionary.write(List.of(new Instrument("ui_arrived", new Wording("Arrived", "导入的"),
                List.of(Item.number("ui_arrived_n", ItemType.INTEGER, "Count", "计数", 0, 9, null, false)), null)));

        UI.getCurrent().navigate("admin/instruments");
        _upload(_get(Upload.class), "dictionary.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        Paragraph result = _get(Paragraph.class, spec -> spec.withClasses("dictionary-import-result"));
        assertThat(result.getText()).isEqualTo("Saved as drafts: ui_arrived. They wait to be published: open each"
                + " instrument to check and publish it.");
        assertThat(allCells(_get(com.vaadin.flow.component.grid.Grid.class))).contains("Arrived",
                "Not yet published", "Draft of version 1");
    }

    @Test
    void anExpressionsErrorIsShownAtItsFieldWithTheCharacter() {
        signInToUi("lakeside.admin");
        UI.getCurrent().navigate("admin/instruments/design");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Instrument code")), "ui_faulty");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name (English)")), "Faulty");
        addItem(ItemType.YES_NO, "ui_faulty_a", "First", "第一");
        ItemEditor second = addItem(ItemType.TEXT, "ui_faulty_b", "Second", "第二");
        TextField showWhen = _get(second, TextField.class, spec -> spec.withLabel("Show only when"));
        _setValue(showWhen, "[ui_faulty_a] = '1' and [nope] = 1");

        _click(_get(Button.class, spec -> spec.withText("Save draft")));

        assertThat(showWhen.isInvalid()).isTrue();
        assertThat(showWhen.getErrorMessage()).startsWith("There is no item \"nope\" here (at character 25)");
        assertThat(designer.versions("ui_faulty")).isEmpty();
    }

    @Test
    void thePreviewDrawsAnUnansweredNumberWhileItsItemIsEdited() {
        signInToUi("lakeside.admin");
        UI.getCurrent().navigate("admin/instruments/design");
        ItemEditor weight = addItem(ItemType.NUMBER, "ui_weight", "Weight", "体重");
        _setValue(_get(weight, TextField.class, spec -> spec.withLabel("Unit")), "kg");

        InstrumentPreview preview = _get(InstrumentPreview.class);
        assertThat(_get(preview, NumberField.class).getLabel()).isEqualTo("Weight (kg)");
        assertThat(preview.getElement().getTextRecursively()).doesNotContain("shows here once");
    }

    @Test
    void leavingAHalfBuiltInstrumentAsksFirst() {
        signInToUi("lakeside.admin");
        UI.getCurrent().navigate("admin/instruments/design");
        addItem(ItemType.YES_NO, "ui_unsaved", "Unsaved", "未保存");

        UI.getCurrent().navigate("admin/instruments");

        assertThat(currentPath()).isEqualTo("admin/instruments/design");
        assertThat(_get(ConfirmDialog.class).getElement().getProperty("header")).isNotBlank();
    }

    @Test
    void addingAnItemIsAnUnsavedChangeToo() {
        signInToUi("lakeside.admin");
        UI.getCurrent().navigate("admin/instruments/design");
        _click(_get(Button.class, spec -> spec.withText("Add item")));

        UI.getCurrent().navigate("admin/instruments");

        assertThat(currentPath()).isEqualTo("admin/instruments/design");
        assertThat(_get(ConfirmDialog.class).getElement().getProperty("header")).isNotBlank();
    }

    @Test
    void aDictionaryWithOneBadRowShowsItsRowAndColumnAndStoresNothing() {
        signInToUi("lakeside.admin");
        List<InstrumentVersionRow> before = designer.designs();
        String csv = DataDictionary.write(List.of(new Instrument("ui_imported", new Wording("Imported", "导入"),
                List.of(new Item("ui_imp_a", ItemType.SINGLE_CHOICE, new Wording("Pick", "选"), null, null, null,
                        null, List.of(new Choice("1", new Wording("One", "一"))), false, null, null, null, false,
                        null), Item.number("ui_imp_b", ItemType.INTEGER, "Count", "计数", 0, 9, null, false)),
                null)));
        String bad = csv.replace("ui_imp_b,ui_imported,,text", "ui_imp_b,ui_imported,,textbox");
        assertThat(bad).as("the test's own file has the bad row").isNotEqualTo(csv);

        UI.getCurrent().navigate("admin/instruments");
        _upload(_get(Upload.class), "dictionary.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8));

        Paragraph result = _get(Paragraph.class, spec -> spec.withClasses("dictionary-import-result"));
        assertThat(result.getText()).startsWith("Row 4, column \"Field Type\":")
                .contains("\"textbox\" is not supported", "Nothing was imported");
        assertThat(result.hasClassName("text-error")).isTrue();
        assertThat(designer.designs()).isEqualTo(before);
    }

    @Test
    void theDownloadStartsWithAByteOrderMarkAndImportsBackUnchanged() {
        signInToUi("lakeside.admin");
        UI.getCurrent().navigate("admin/instruments");
        byte[] download = DictionaryDownload.bytes(designer);
        assertThat(download).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(DictionaryDownload.fileName("RE-MS", LocalDate.of(2026, 12, 6)))
                .isEqualTo("RE-MS_DataDictionary_2026-12-06.csv");
        List<InstrumentVersionRow> before = designer.designs();

        _upload(_get(Upload.class), "dictionary.csv", "text/csv", download);

        Paragraph result = _get(Paragraph.class, spec -> spec.withClasses("dictionary-import-result"));
        assertThat(result.getText()).isEqualTo("Nothing changed: every instrument in the file is the same as its"
                + " newest version here.");
        assertThat(designer.designs()).isEqualTo(before);
        assertThat(new String(DictionaryDownload.bytes(designer), StandardCharsets.UTF_8))
                .isEqualTo(new String(download, StandardCharsets.UTF_8));
    }

    /** Adds an item at the end of the designer's list and fills its kind, code and words. */
    @SuppressWarnings("unchecked")
    private ItemEditor addItem(ItemType type, String code, String label, String labelZh) {
        _click(_get(Button.class, spec -> spec.withText("Add item")));
        List<ItemEditor> editors = _find(ItemEditor.class);
        ItemEditor editor = editors.getLast();
        _setValue(_get(editor, Select.class), type);
        _setValue(_get(editor, TextField.class, spec -> spec.withLabel("Item code")), code);
        // A score's label names the score.
        String words = type == ItemType.CALCULATED ? "Score name" : "Question";
        _setValue(_get(editor, TextField.class, spec -> spec.withLabel(words + " (English)")), label);
        _setValue(_get(editor, TextField.class, spec -> spec.withLabel(words + " (Chinese)")), labelZh);
        return editor;
    }
}

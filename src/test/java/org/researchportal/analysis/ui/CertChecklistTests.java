package org.researchportal.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.researchportal.analysis.CertEntry;
import org.researchportal.analysis.CertItem;
import org.researchportal.analysis.CertReport;
import org.researchportal.analysis.CertTeamText;
import org.researchportal.analysis.Phrase;
import org.researchportal.base.Csv;
import org.researchportal.exercise.Dosage;
import org.researchportal.exercise.DosageText;
import org.researchportal.exercise.Text;

/** The checklist's downloads: a CSV row and a Markdown table row per item, in the reader's language. */
class CertChecklistTests {

    private static DosageText.Words words(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n/translations", locale);
        return (key, params) -> new MessageFormat(bundle.getString(key), locale).format(params);
    }

    private static CertReport report() {
        List<CertEntry> entries = new ArrayList<>();
        for (CertItem item : CertItem.values()) {
            List<Phrase> reported = switch (item) {
                case ITEM_8 -> List.of(Phrase.of("cert.data.exercises", 1), Phrase.of("cert.data.exercise",
                        new Text("Wrist circles", "手腕绕环"), new Dosage(2, 10, null, null)));
                case ITEM_16B -> List.of(Phrase.of("cert.data.delivered", 2, 16, "13"));
                default -> List.of();
            };
            CertTeamText team = item == CertItem.ITEM_12 ? new CertTeamText("At home | kitchen\nchair", 0, "t",
                    java.time.Instant.EPOCH) : null;
            entries.add(new CertEntry(item, reported, team, List.of()));
        }
        return new CertReport("s", entries);
    }

    @Test
    void theCsvHasItsHeaderAndOneRowPerItemInTheReadersLanguage() {
        List<Csv.Row> rows = Csv.rows(CertChecklist.csv(report(), words(Locale.ENGLISH), Locale.ENGLISH));
        assertThat(rows.getFirst().cells()).containsExactly("Item", "Section", "Description", "As reported",
                "Source");
        assertThat(rows).hasSize(20);
        assertThat(rows.get(9).cells()).containsExactly("8", "How: delivery",
                "Detailed description of each exercise to enable replication (e.g. illustrations, photographs)",
                "1 exercises, each described in the manual with its purpose, steps, dosage, progression, safety"
                        + " advice and stop rule:\nWrist circles: 2 sets of 10",
                "From the programme data");
        assertThat(rows.get(13).cells()).containsExactly("12", "Where: location",
                "Describe the setting in which the exercises are performed", "At home | kitchen\nchair",
                "By the team");
        assertThat(rows.get(19).cells().get(3)).isEqualTo("2 of 16 planned programme days had a session logged"
                + " (13%).");

        List<Csv.Row> chinese = Csv.rows(CertChecklist.csv(report(), words(Locale.SIMPLIFIED_CHINESE),
                Locale.SIMPLIFIED_CHINESE));
        assertThat(chinese.getFirst().cells()).containsExactly("条目", "部分", "描述", "报告内容", "来源");
        assertThat(chinese.get(9).cells().get(3)).contains("手腕绕环").doesNotContain("Wrist");
    }

    @Test
    void theMarkdownTableKeepsEachItemOnOneRowWithItsPipesEscaped() {
        String markdown = CertChecklist.markdown(report(), words(Locale.ENGLISH), Locale.ENGLISH);
        List<String> lines = markdown.lines().toList();
        assertThat(lines).hasSize(21);
        assertThat(lines.get(0)).isEqualTo("| Item | Section | Description | As reported | Source |");
        assertThat(lines.get(1)).isEqualTo("|---|---|---|---|---|");
        assertThat(lines.get(14)).isEqualTo("| 12 | Where: location | Describe the setting in which the exercises are"
                + " performed | At home \\| kitchen<br>chair | By the team |");
        assertThat(lines.get(10)).contains("stop rule:<br>Wrist circles: 2 sets of 10");
    }
}

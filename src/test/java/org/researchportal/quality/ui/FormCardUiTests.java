package org.researchportal.quality.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;
import org.researchportal.base.clinical.ClinicalForm;
import org.researchportal.base.ui.FormMarkings;
import org.researchportal.quality.FormView;

/** A form card places what FormMarkings returns: the form's marks in its header, a field's beside that field. */
class FormCardUiTests extends UiTest {

    @Test
    void eachMarkStandsWhereItsFeaturePutIt() {
        signInToUi("lakeside.monitor");
        ClinicalForm bpi = ClinicalForm.instrument("s", "p", "baseline", "bpi_sf");
        FormMarkings markings = mock(FormMarkings.class);
        when(markings.forForm(any())).thenAnswer(call -> List.of(new Span("Verified")));
        when(markings.forField(any())).thenAnswer(call -> bpi.item("worst").equals(call.getArgument(0))
                ? List.of(new Span("Query open")) : List.of());
        var card = new FormCard(new FormView(bpi, "BPI · Baseline", "", List.of(new FormView.Field("worst",
                "Worst pain", "7"), new FormView.Field("least", "Least pain", "2"))), markings);

        Element root = card.getElement();
        Element header = root.getChild(0);
        assertThat(header.getTextRecursively()).isEqualTo("BPI · BaselineVerified");
        Element fields = root.getChild(1);
        assertThat(fields.getChild(1).getAttribute("data-item")).isEqualTo("worst");
        assertThat(fields.getChild(1).getTextRecursively()).isEqualTo("7Query open");
        assertThat(fields.getChild(3).getTextRecursively()).isEqualTo("2");
        assertThat(root.getAttribute("data-form")).isEqualTo(bpi.key());
    }
}

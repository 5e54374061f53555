package org.researchportal.quality.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.researchportal.base.ui.FormMarkings;
import org.researchportal.quality.FormView;

/**
 * One form of a participant, read only: its title with what the data-quality features mark on the form (verification,
 * lock, signature), then each field's label and value with what they mark on the field (a query). The marks come from
 * {@link FormMarkings}; this card only places them.
 */
final class FormCard extends Composite<Div> {

    FormCard(FormView view, FormMarkings markings) {
        Div card = getContent();
        card.addClassNames("card", "data-form");
        card.getElement().setAttribute("data-form", view.form().key());
        var title = new H2(view.title());
        var header = new Div(title);
        header.addClassName("data-form__header");
        markings.forForm(view.form()).forEach(header::add);
        card.add(header);
        if (!view.detail().isEmpty()) {
            var detail = new Paragraph(view.detail());
            detail.addClassName("data-form__detail");
            card.add(detail);
        }
        var fields = new DescriptionList();
        fields.addClassName("data-form__fields");
        for (FormView.Field field : view.fields()) {
            var value = new DescriptionList.Description(new Span(field.shown()));
            markings.forField(view.form().item(field.item())).forEach(value::add);
            value.getElement().setAttribute("data-item", field.item());
            fields.add(new DescriptionList.Term(field.label()), value);
        }
        card.add(fields);
    }
}

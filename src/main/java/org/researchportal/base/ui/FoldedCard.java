package org.researchportal.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.util.function.Supplier;

/**
 * A titled card of a dashboard that is closed at first and makes its content when it is first opened. Vaadin keeps a
 * UI's first answer (the whole view) until the browser's next message, for every open session: what nobody opens
 * neither weighs on that nor runs its queries. The title is a heading inside the summary, so the page's outline and a
 * screen reader's list of headings still name the card, and the summary is a button that says whether it is open.
 */
public final class FoldedCard extends Composite<Div> {

    private final Details details;
    private Supplier<? extends Component> content;

    /** A card titled with this i18n key (and its parameters), the content made by the supplier when first opened. */
    public FoldedCard(Supplier<? extends Component> content, String titleKey, Object... titleParameters) {
        this.content = content;
        details = new Details(new H2(getTranslation(titleKey, titleParameters)));
        details.setWidthFull();
        // Also when the server opens it: the event follows the property, whoever set it.
        details.addOpenedChangeListener(event -> {
            if (event.isOpened()) {
                fill();
            }
        });
        getContent().addClassNames("card", "folded-card");
        getContent().add(details);
    }

    private void fill() {
        if (content != null) {
            var made = content.get();
            content = null;
            details.add(made);
        }
    }
}

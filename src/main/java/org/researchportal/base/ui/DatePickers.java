package org.researchportal.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Date pickers that write a date as the portal's tables do ({@link Formats#date}): one pattern per language, so a
 * picker never shows 12/6/2026 beside a table's Dec 6, 2026. The browser's picker formats with date-fns, whose pattern
 * letters and quoted literals match java.time's for the patterns used here. ISO dates are accepted when typed too.
 */
public final class DatePickers {

    private DatePickers() {
    }

    public static DatePicker create(String label, @Nullable LocalDate value) {
        var picker = new DatePicker(label, value);
        UI ui = UI.getCurrent();
        applyFormat(picker, ui == null ? Locale.ENGLISH : ui.getLocale());
        // A language chosen in the layout afterwards rebuilds the view; this keeps a re-attached picker in step.
        picker.addAttachListener(e -> applyFormat(picker, e.getUI().getLocale()));
        return picker;
    }

    public static DatePicker create(String label) {
        return create(label, null);
    }

    private static void applyFormat(DatePicker picker, Locale locale) {
        var i18n = picker.getI18n() == null ? new DatePicker.DatePickerI18n() : picker.getI18n();
        picker.setI18n(i18n.setDateFormats(Formats.datePattern(locale), "yyyy-MM-dd"));
    }
}

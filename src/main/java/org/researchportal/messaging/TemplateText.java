package org.researchportal.messaging;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * A template's words: an email subject (none for SMS) and a body with placeholders in braces, such as {time}.
 * Rendering fills them in; HTML rendering escapes the values, so a name can never become markup.
 */
public record TemplateText(@Nullable String subject, String body) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    /** The placeholder names the text uses, and whether its braces are all well formed. */
    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (String part : subject == null ? new String[] {body} : new String[] {subject, body}) {
            Matcher m = PLACEHOLDER.matcher(part);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    boolean bracesBalanced() {
        for (String part : subject == null ? new String[] {body} : new String[] {subject, body}) {
            if (PLACEHOLDER.matcher(part).replaceAll("").matches("(?s).*[{}].*")) {
                return false;
            }
        }
        return true;
    }

    TemplateText render(Map<String, String> values) {
        return new TemplateText(subject == null ? null : fill(subject, values, false), fill(body, values, false));
    }

    /** The body as HTML paragraphs, the values escaped. */
    String renderHtml(Map<String, String> values) {
        String escaped = HtmlUtils.htmlEscape(body);
        String filled = fill(escaped, values, true);
        return "<p>" + filled.replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>";
    }

    private static String fill(String text, Map<String, String> values, boolean html) {
        Matcher m = PLACEHOLDER.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), "");
            m.appendReplacement(out, Matcher.quoteReplacement(html ? HtmlUtils.htmlEscape(value) : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}

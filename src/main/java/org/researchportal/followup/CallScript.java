package org.researchportal.followup;

import java.util.List;
import java.util.Locale;

/** What the coordinator says and asks on a call of one arm: an opening in both languages and the questions. */
public record CallScript(String openingEn, String openingZh, List<CallQuestion> questions) {

    public CallScript {
        questions = List.copyOf(questions);
    }

    public String opening(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? openingZh : openingEn;
    }

    public boolean asks(CallQuestion question) {
        return questions.contains(question);
    }
}

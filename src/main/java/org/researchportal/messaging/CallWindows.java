package org.researchportal.messaging;

import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.researchportal.messaging.DueReminders.ExpectedCall;
import org.researchportal.participants.PreferredCallTime;

/**
 * The hours a call reminder names: the time the participant asked to be called back; else the first "09:00-11:00"
 * in their preferred call time as they gave it; else the study team's usual hours. Only times: the free text itself
 * ("after the hospital visit") could say more than an SMS should.
 */
final class CallWindows {

    static final String USUAL_HOURS = "09:00-17:00";
    private static final Pattern RANGE = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)\\s*[-–~至到]\\s*"
            + "([01]?\\d|2[0-3]):([0-5]\\d)");

    private CallWindows() {
    }

    static String of(ExpectedCall call) {
        if (call.callBackAt() != null) {
            var at = call.callBackAt();
            return at.format(DateTimeFormatter.ofPattern("HH:mm")) + "-" + at.plusHours(1).format(
                    DateTimeFormatter.ofPattern("HH:mm"));
        }
        var period = PreferredCallTime.of(call.preferredCallTime());
        if (period.isPresent()) {
            return period.get().hours();
        }
        if (call.preferredCallTime() != null) {
            Matcher range = RANGE.matcher(call.preferredCallTime());
            if (range.find()) {
                return String.format("%02d:%s-%02d:%s", Integer.parseInt(range.group(1)), range.group(2),
                        Integer.parseInt(range.group(3)), range.group(4));
            }
        }
        return USUAL_HOURS;
    }
}

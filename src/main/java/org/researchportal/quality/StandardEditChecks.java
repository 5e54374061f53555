package org.researchportal.quality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.researchportal.base.clinical.FormKind;

/**
 * The checks a study may add in one click, written against the standard instruments (bpi_sf, grip, ai_adherence) and
 * the adverse event form. The follow-up call asks whether the aromatase inhibitor is still taken but not when it was
 * stopped, so "stopped with no stop date" is the adherence instrument's check.
 */
final class StandardEditChecks {

    static final String WINDOW_PREFIX = "outside_window_";

    private StandardEditChecks() {
    }

    /** The standard checks for a study whose schedule names these instruments. */
    static List<CheckDefinition> forSchedule(Collection<String> instruments) {
        List<CheckDefinition> checks = new ArrayList<>();
        checks.add(instrument("bpi_worst_below_least", "bpi_sf", "worst", "[worst] < [least]", CheckSeverity.HARD,
                "Worst pain is below least pain: check both answers.", "最严重疼痛低于最轻疼痛：请核对这两项。"));
        checks.add(instrument("grip_right_trials_apart", "grip", "right_3", spread("right"), CheckSeverity.SOFT,
                "The right hand's trials are more than 30% apart.", "右手三次测量相差超过30%。"));
        checks.add(instrument("grip_left_trials_apart", "grip", "left_3", spread("left"), CheckSeverity.SOFT,
                "The left hand's trials are more than 30% apart.", "左手三次测量相差超过30%。"));
        checks.add(instrument("ai_stopped_without_date", "ai_adherence", "stopped_on",
                "[still_taking] = '0' and [stopped_on] = ''", CheckSeverity.SOFT,
                "The aromatase inhibitor was stopped but no stop date is given.", "已停用芳香化酶抑制剂，但未填写停药日期。"));
        checks.add(new CheckDefinition("ae_resolved_before_onset", FormKind.ADVERSE_EVENT,
                FormKind.ADVERSE_EVENT.code(), "resolved_on", "datediff([onset], [resolved_on], 'd', true) < 0",
                CheckSeverity.HARD, "The event ends before it began.", "不良事件的结束日期早于开始日期。", true));
        for (String code : instruments) {
            if ((WINDOW_PREFIX + code).length() <= CheckDefinition.CODE_MAX) {
                checks.add(instrument(WINDOW_PREFIX + code, code, "assessed_on",
                        "datediff([window_opens], [assessed_on], 'd', true) < 0"
                                + " or datediff([window_closes], [assessed_on], 'd', true) > 0",
                        CheckSeverity.SOFT, "The assessment is dated outside its timepoint's window.",
                        "评估日期不在该时间点的窗口期内。"));
            }
        }
        return checks;
    }

    /** More than 30% apart: the spread of a hand's trials above 30% of its best. */
    private static String spread(String hand) {
        String trials = "[" + hand + "_1], [" + hand + "_2], [" + hand + "_3]";
        return "max(" + trials + ") - min(" + trials + ") > 0.3 * max(" + trials + ")";
    }

    private static CheckDefinition instrument(String code, String instrument, String item, String expression,
            CheckSeverity severity, String en, String zh) {
        return new CheckDefinition(code, FormKind.INSTRUMENT, instrument, item, expression, severity, en, zh, true);
    }
}

package org.researchportal.followup;

import java.util.HashMap;
import java.util.Map;

/** The numbers and the script of an arm's follow-up plan, as study configuration sets them. */
public record FollowUpPlanSettings(int firstAfterMonths, int intervalMonths, int calls, int windowDays,
        int maxAttempts, int retryAfterHours, CallScript script) {

    /** What is wrong with these settings, by field; empty when they make a plan. */
    Map<String, String> problems() {
        Map<String, String> problems = new HashMap<>();
        if (firstAfterMonths < 0 || firstAfterMonths > 24) {
            problems.put("firstAfterMonths", "followup.plan.first.invalid");
        }
        if (intervalMonths < 1 || intervalMonths > 12) {
            problems.put("intervalMonths", "followup.plan.interval.invalid");
        }
        if (calls < 1 || calls > 60) {
            problems.put("calls", "followup.plan.calls.invalid");
        }
        // Windows of neighbouring monthly calls must not overlap, February included: under half of 28 days.
        if (windowDays < 0 || windowDays > 13) {
            problems.put("windowDays", "followup.plan.window.invalid");
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            problems.put("maxAttempts", "followup.plan.attempts.invalid");
        }
        if (retryAfterHours < 1 || retryAfterHours > 72) {
            problems.put("retryAfterHours", "followup.plan.retry.invalid");
        }
        if (script == null || script.questions().isEmpty() || script.openingEn().isBlank()
                || script.openingZh().isBlank()) {
            problems.put("script", "followup.plan.script.invalid");
        }
        return problems;
    }
}

package org.researchportal.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/** Plausible baseline answers for demo participants, per instrument. */
final class DemoAssessments {

    private DemoAssessments() {
    }

    static Map<String, Map<String, String>> baseline() {
        Map<String, Map<String, String>> answers = new LinkedHashMap<>();
        answers.put("bpi_sf", Map.of("worst", "6", "least", "2", "average", "4", "now", "3",
                "interference_general_activity", "4", "interference_mood", "3", "interference_walking", "5",
                "interference_sleep", "4"));
        answers.put("stiffness", Map.of("stiffness", "5", "morning_minutes", "30"));
        answers.put("grip", Map.of("right_1", "21.5", "right_2", "22.0", "right_3", "21.0", "left_1", "19.5",
                "left_2", "20.0", "left_3", "19.0"));
        answers.put("ai_adherence", Map.of("still_taking", "1", "missed_doses_30d", "1"));
        answers.put("qol_demo", Map.of("physical", "3", "emotional", "3", "social", "4", "daily", "3", "overall",
                "3"));
        return answers;
    }
}

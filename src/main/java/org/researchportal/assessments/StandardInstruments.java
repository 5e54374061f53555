package org.researchportal.assessments;

import static org.researchportal.assessments.Item.ItemType.DATE;
import static org.researchportal.assessments.Item.ItemType.DECIMAL;
import static org.researchportal.assessments.Item.ItemType.INTEGER;
import static org.researchportal.assessments.Item.ItemType.TEXT;
import static org.researchportal.assessments.Item.ItemType.YES_NO;
import static org.researchportal.assessments.Score.Rule.MAX;
import static org.researchportal.assessments.Score.Rule.MEAN;
import static org.researchportal.assessments.Score.Rule.SUM;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome instruments RE-MS measures (the field's outcomes in the Cochrane review: pain, stiffness, grip
 * strength, aromatase-inhibitor adherence, quality of life), defined as data. The quality-of-life slot holds a short
 * demo questionnaire; an institution loads its licensed instrument in the same shape.
 */
public final class StandardInstruments {

    private StandardInstruments() {
    }

    public static List<Instrument> all() {
        return List.of(briefPainInventory(), stiffness(), gripStrength(), adherence(), demoQualityOfLife());
    }

    public static Instrument briefPainInventory() {
        List<Item> items = new ArrayList<>(List.of(
                pain("worst", "Worst pain in the last 24 hours", "过去24小时最严重的疼痛"),
                pain("least", "Least pain in the last 24 hours", "过去24小时最轻的疼痛"),
                pain("average", "Pain on average", "平均疼痛"),
                pain("now", "Pain right now", "目前的疼痛")));
        String[][] interference = {{"general_activity", "General activity", "日常活动"}, {"mood", "Mood", "情绪"},
                {"walking", "Walking ability", "行走能力"}, {"work", "Normal work", "日常工作"},
                {"relations", "Relations with other people", "与他人的关系"}, {"sleep", "Sleep", "睡眠"},
                {"enjoyment", "Enjoyment of life", "生活乐趣"}};
        for (String[] i : interference) {
            items.add(Item.number("interference_" + i[0], "Pain interfered with: " + i[1], "疼痛对" + i[2] + "的影响",
                    INTEGER, 0, 10, null, false));
        }
        return new Instrument("bpi_sf", "Brief Pain Inventory (short form)", "简明疼痛量表（简表）", items, List.of(
                new Score("pain_severity", "Pain severity (mean of 4)", "疼痛程度（4项均值）", MEAN,
                        List.of("worst", "least", "average", "now"), 4),
                new Score("pain_interference", "Pain interference (mean of 7, at least 4 answered)",
                        "疼痛干扰（7项均值，至少回答4项）", MEAN, items.stream().map(Item::code)
                                .filter(c -> c.startsWith("interference_")).toList(), 4)),
                null);
    }

    public static Instrument stiffness() {
        return new Instrument("stiffness", "Joint stiffness", "关节僵硬", List.of(
                Item.number("stiffness", "Joint stiffness today (0-10)", "今日关节僵硬程度（0-10）", INTEGER, 0, 10,
                        null, true),
                Item.number("morning_minutes", "Morning stiffness duration", "晨僵持续时间", INTEGER, 0, 720,
                        "min", true)), List.of(), null);
    }

    public static Instrument gripStrength() {
        List<Item> items = new ArrayList<>();
        for (String hand : List.of("right", "left")) {
            for (int trial = 1; trial <= 3; trial++) {
                items.add(Item.number(hand + "_" + trial, (hand.equals("right") ? "Right" : "Left") + " hand, trial "
                        + trial, (hand.equals("right") ? "右手" : "左手") + "第" + trial + "次", DECIMAL, 0, 100, "kg",
                        false));
            }
        }
        List<Score> scores = new ArrayList<>();
        for (String hand : List.of("right", "left")) {
            List<String> trials = List.of(hand + "_1", hand + "_2", hand + "_3");
            String side = hand.equals("right") ? "Right" : "Left";
            String sideZh = hand.equals("right") ? "右手" : "左手";
            scores.add(new Score(hand + "_max", side + " hand maximum", sideZh + "最大值", MAX, trials, 1));
            scores.add(new Score(hand + "_mean", side + " hand mean", sideZh + "平均值", MEAN, trials, 1));
        }
        return new Instrument("grip", "Grip strength (dynamometer)", "握力（测力计）", items, scores,
                "Three trials per hand; a hand that cannot be measured is left empty.");
    }

    public static Instrument adherence() {
        return new Instrument("ai_adherence", "Aromatase inhibitor adherence", "芳香化酶抑制剂依从性", List.of(
                new Item("still_taking", "Still taking the aromatase inhibitor", "仍在服用芳香化酶抑制剂", YES_NO, null,
                        null, null, true, null),
                new Item("missed_doses_30d", "Missed doses in the last 30 days", "过去30天漏服次数", INTEGER, 0.0,
                        30.0, null, false, new Item.RequiredWhen("still_taking", "yes")),
                new Item("stopped_on", "Date stopped", "停药日期", DATE, null, null, null, false,
                        new Item.RequiredWhen("still_taking", "no")),
                new Item("stop_reason", "Reason for stopping", "停药原因", TEXT, null, null, null, false,
                        new Item.RequiredWhen("still_taking", "no"))), List.of(), null);
    }

    public static Instrument demoQualityOfLife() {
        String[][] questions = {{"physical", "Physical well-being", "身体状况"},
                {"emotional", "Emotional well-being", "情绪状况"}, {"social", "Social and family life", "社会与家庭生活"},
                {"daily", "Managing daily activities", "日常活动能力"}, {"overall", "Overall quality of life", "总体生活质量"}};
        List<Item> items = new ArrayList<>();
        for (String[] q : questions) {
            items.add(Item.number(q[0], q[1] + " (1 very poor - 5 very good)", q[2] + "（1 很差 - 5 很好）", INTEGER, 1, 5,
                    null, true));
        }
        return new Instrument("qol_demo", "Quality of life (demo questionnaire)", "生活质量（演示问卷）", items,
                List.of(new Score("qol_total", "Total (5-25)", "总分（5-25）", SUM,
                        items.stream().map(Item::code).toList(), 5)),
                "Demo content, not a validated instrument: load your institution's licensed questionnaire here.");
    }

    private static Item pain(String code, String label, String labelZh) {
        return Item.number(code, label + " (0-10)", labelZh + "（0-10）", INTEGER, 0, 10, null, true);
    }
}

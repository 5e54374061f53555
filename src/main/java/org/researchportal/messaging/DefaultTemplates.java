package org.researchportal.messaging;

import java.util.Map;
import java.util.Set;

/**
 * The portal's own wording of each message, used until a tenant writes its own, and the placeholders each kind may
 * use. SMS never name the study, the arm or anything about health: they carry a link instead.
 */
final class DefaultTemplates {

    /** The placeholders each kind of message may use. */
    static final Map<MessagePurpose, Set<String>> PLACEHOLDERS = Map.ofEntries(
            Map.entry(MessagePurpose.SESSION_REMINDER, Set.of("name", "time", "link")),
            Map.entry(MessagePurpose.VIDEO_LINK, Set.of("name", "link")),
            Map.entry(MessagePurpose.CALL_REMINDER, Set.of("name", "date", "window")),
            Map.entry(MessagePurpose.ASSESSMENT_DUE, Set.of("name", "date")),
            Map.entry(MessagePurpose.SERIOUS_ADVERSE_EVENT, Set.of("study", "participant", "link")),
            Map.entry(MessagePurpose.PROGRAMME_ALERT, Set.of("participant", "alert", "link")),
            Map.entry(MessagePurpose.TEST, Set.of("name")),
            Map.entry(MessagePurpose.ACCOUNT_INVITATION, Set.of("name", "username", "link")),
            Map.entry(MessagePurpose.DATA_QUERY, Set.of("field", "study", "participant", "link")),
            Map.entry(MessagePurpose.QUESTIONNAIRE_INVITATION, Set.of("name", "date", "link")),
            Map.entry(MessagePurpose.QUESTIONNAIRE_REMINDER, Set.of("name", "date", "link")),
            Map.entry(MessagePurpose.IDENTITY_CODE, Set.of("code", "minutes")));

    private DefaultTemplates() {
    }

    static TemplateText of(MessagePurpose purpose, Channel channel, String language) {
        boolean zh = language.startsWith("zh");
        boolean sms = channel == Channel.SMS;
        return switch (purpose) {
            // Reminders say nothing of the programme or the arm: whoever reads the phone learns only of a study.
            case SESSION_REMINDER -> zh
                    ? new TemplateText(sms ? null : "研究团队的提醒", "{name}，您好！研究团队今天的提醒：{link}")
                    : new TemplateText(sms ? null : "A reminder from your study team",
                            "Hello {name}, a reminder from your study team for today. Please open: {link}");
            case VIDEO_LINK -> zh
                    ? new TemplateText(sms ? null : "研究团队的新内容", "{name}，您好！研究团队为您准备了新内容：{link}")
                    : new TemplateText(sms ? null : "Something new from your study team",
                            "Hello {name}, your study team has something new for you: {link}");
            case CALL_REMINDER -> zh
                    ? new TemplateText(sms ? null : "明天的电话随访", "{name}，您好！研究团队将于 {date} {window} 给您打电话。")
                    : new TemplateText(sms ? null : "Our call tomorrow",
                            "Hello {name}, the study team will call you on {date} between {window}.");
            case ASSESSMENT_DUE -> zh
                    ? new TemplateText(sms ? null : "研究评估", "{name}，您好！您的下一次研究评估在 {date}。")
                    : new TemplateText(sms ? null : "Your next study visit",
                            "Hello {name}, your next study assessment is due on {date}.");
            // Questionnaires: no instrument, no symptom, no study, only that the team asks and until when.
            case QUESTIONNAIRE_INVITATION -> zh
                    ? new TemplateText(sms ? null : "研究团队的简短问卷",
                            "{name}，您好！研究团队有一份简短问卷请您填写，{date} 前有效：{link}")
                    : new TemplateText(sms ? null : "A short questionnaire from your study team",
                            "Hello {name}, your study team has a short questionnaire for you, open until {date}: "
                                    + "{link}");
            case QUESTIONNAIRE_REMINDER -> zh
                    ? new TemplateText(sms ? null : "提醒：研究团队的简短问卷",
                            "{name}，您好！提醒您填写研究团队的简短问卷，{date} 前有效：{link}")
                    : new TemplateText(sms ? null : "A reminder: your study team's short questionnaire",
                            "Hello {name}, a reminder of your study team's short questionnaire, open until {date}: "
                                    + "{link}");
            case SERIOUS_ADVERSE_EVENT -> zh
                    ? new TemplateText("严重不良事件：{study}", "{study} 的参与者 {participant} 报告了严重不良事件。请查看：{link}")
                    : new TemplateText("Serious adverse event: {study}",
                            "A serious adverse event was reported for participant {participant} in {study}. "
                                    + "Please review it: {link}");
            case PROGRAMME_ALERT -> zh
                    ? new TemplateText("运动方案提醒：{participant}", "参与者 {participant} 有新的提醒：{alert}。请查看：{link}")
                    : new TemplateText("Programme alert: {participant}",
                            "Participant {participant} has a new alert: {alert}. Please review it: {link}");
            // The invitation names no study either: only that a study team made an account and where to finish it.
            case ACCOUNT_INVITATION -> zh
                    ? new TemplateText(sms ? null : "研究团队为您开通了账户",
                            "{name}，您好！研究团队为您开通了手机账户，用户名：{username}。请在 7 天内打开链接设置密码：{link}")
                    : new TemplateText(sms ? null : "Your study team has made you an account",
                            "Hello {name}, your study team has made you an account. Your username is {username}. "
                                    + "Choose your password within 7 days: {link}");
            // Staff only: the field and the study number, never the value questioned.
            case DATA_QUERY -> zh
                    ? new TemplateText("数据质疑：{study} {participant}",
                            "{study} 的参与者 {participant} 的 {field} 有一条新的数据质疑。请查看并回复：{link}")
                    : new TemplateText("Data query: {study} {participant}",
                            "A query was raised on {field} for participant {participant} in {study}. "
                                    + "Please answer it: {link}");
            // Only the code: not the study, not the questionnaire, nothing about her health.
            case IDENTITY_CODE -> zh
                    ? new TemplateText(sms ? null : "您的验证码", "您的验证码是 {code}，{minutes} 分钟内有效。请勿告诉他人。")
                    : new TemplateText(sms ? null : "Your code",
                            "Your code is {code}. It is valid for {minutes} minutes. Do not share it with anyone.");
            case TEST -> zh ? new TemplateText(sms ? null : "测试", "{name}，您好！这是一条测试消息。")
                    : new TemplateText(sms ? null : "Test", "Hello {name}, this is a test message.");
        };
    }
}

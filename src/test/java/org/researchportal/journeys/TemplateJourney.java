package org.researchportal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * A tenant administrator rewrites the Chinese SMS session reminder: a placeholder the kind may not use is refused at
 * the text, the preview shows the Chinese text filled in and its SMS cost, and the template is saved.
 */
class TemplateJourney extends BrowserJourney {

    private void choose(String label, String option) {
        page.getByLabel(label).first().click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true)).click();
    }

    @Test
    void anAdministratorEditsATemplateAndPreviewsItInChinese() {
        signInAs("fudan.admin");
        open("message-templates");
        choose("Kind of message", "Exercise session reminder");
        choose("Channel", "SMS");
        choose("Language", "简体中文");

        var text = page.getByLabel("Text").first();
        text.fill("{name}，您好！今天请记得运动：{arm} {link}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        settle();
        assertThat(page.getByText("This kind of message cannot use one of these placeholders")).isVisible();

        text.fill("{name}，您好！研究团队提醒您今天的安排：{link}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview").setExact(true)).click();
        settle();
        assertThat(page.getByText("您好！研究团队提醒您今天的安排").last()).isVisible();
        assertThat(page.getByText(java.util.regex.Pattern.compile("\\d+ characters: 1 SMS \\(UCS-2\\)"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        settle();
        assertThat(page.getByText("The template is saved; new messages use it.")).isVisible();
    }
}

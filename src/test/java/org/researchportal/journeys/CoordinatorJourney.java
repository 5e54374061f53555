package org.researchportal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A coordinator (who uses Chinese) opens the worklist, calls the demo's control-arm participant due now, records the
 * completed call, and sees that participant's next call waiting on the worklist.
 */
class CoordinatorJourney extends BrowserJourney {

    /** The participant's rows of calls (her missed questionnaires are listed under the calls, in a grid of their own). */
    private Locator cellsOf(String name) {
        return page.locator("vaadin-grid.call-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(name));
    }

    @Test
    void aCoordinatorCompletesACallAndTheNextOneAppears() {
        signInAs("fudan.coordinator");
        assertThat(page).hasURL(Pattern.compile(".*/coordinator$"));
        assertThat(page.getByText("现在要打的电话")).isVisible();

        open("calls");
        assertThat(cellsOf("Zhao Specimen · RE-MS-007")).hasCount(3);
        assertThat(page.locator("a[href^='tel:+86138']").first()).isVisible();
        cellsOf("Zhao Specimen · RE-MS-007").first().click();
        page.waitForURL(Pattern.compile(".*/call/[0-9a-f]+$"));
        assertThat(page.getByText("第 1 次电话 · Zhao Specimen")).isVisible();
        assertThat(page.getByText("您好，这里是 RE-MS 研究团队的每月电话随访")).isVisible();

        page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("已完成")).check();
        settle();
        Locator taking = page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions()
                .setName("是否仍在服用芳香化酶抑制剂？"));
        assertThat(page.getByText("过去一个月的运动次数")).hasCount(0);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存这次拨打")).click();
        settle();
        assertThat(page.getByText("请选择\"是\"或\"否\"。").first()).isVisible();

        taking.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("是")).check();
        page.getByLabel("过去一周关节疼痛（0-10）").fill("3");
        page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName("自上次电话以来是否有新的健康问题？"))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("否")).check();
        // Exercise outside the study, asked in a structured way: the kinds and minutes show only after "yes".
        assertThat(page.getByLabel("大约每周多少分钟")).hasCount(0);
        page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions().setName("过去一个月里，您是否做过本研究以外的任何运动？"))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("是")).check();
        settle();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("步行")).check();
        page.getByLabel("大约每周多少分钟").fill("90");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存这次拨打")).click();
        settle();
        assertThat(page.getByText("此电话已完成")).isVisible();

        open("calls");
        assertThat(cellsOf("Zhao Specimen · RE-MS-007")).hasCount(2);
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^第 2 次 · ")))).not().hasCount(0);
    }
}

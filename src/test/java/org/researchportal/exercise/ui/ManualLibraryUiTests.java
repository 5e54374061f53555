package org.researchportal.exercise.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.researchportal.UiTest;

/**
 * The manual with its videos: a therapist sees which exercise has which video and may change them, a clinician only
 * watches; a participant of the exercise arm meets the video inside the exercise, with captions.
 */
class ManualLibraryUiTests extends UiTest {

    @Test
    void aTherapistSeesEachExercisesVideoAndIsToldWhatIsWrongWithALink() {
        signInToUi("fudan.therapist");
        UI.getCurrent().navigate("manual");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class);
        assertThat(allCells(grid)).contains("Forward arm raise", "Uploaded (35 KB) · captions: English, 简体中文",
                "No video yet").noneMatch(cell -> cell.contains("shoulder_raise") || cell.contains("video."));

        var actions = GridKt._getCellComponent(grid, 0, "actions");
        assertThat(_find(actions, Button.class)).extracting(Button::getText)
                .containsExactly("Edit", "Pictures and video…");
        _click(_find(actions, Button.class).get(1));
        assertThat(_find(Upload.class)).as("a picture and a video upload").hasSize(2);
        TextField link = _get(TextField.class, spec -> spec.withLabel("Link to a video on another site"));
        link.setValue("http://videos.example.org/marching");
        _click(_get(Button.class, spec -> spec.withText("Use this link")));
        assertThat(link.isInvalid()).isTrue();
        assertThat(link.getErrorMessage()).startsWith("Enter a secure link (https://)");
    }

    @Test
    void aClinicianWatchesButDoesNotChangeVideos() {
        signInToUi("fudan.clinician");
        UI.getCurrent().navigate("manual");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class);
        List<Button> actions = IntStream.range(0, GridKt._size(grid))
                .mapToObj(row -> (Button) GridKt._getCellComponent(grid, row, "actions")).toList();
        assertThat(actions).extracting(Button::getText).containsOnly("Watch");
        _click(actions.stream().filter(Button::isEnabled).findFirst().orElseThrow());
        assertThat(_find(VideoPlayer.class)).hasSize(1);
        assertThat(_find(Upload.class)).isEmpty();
    }

    @Test
    void theExerciseArmFindsTheVideoInsideTheExerciseWithCaptionsInItsLanguage() {
        signInToUi("fudan.participant");
        UI.getCurrent().navigate("my-exercises");
        VideoPlayer player = _get(VideoPlayer.class);
        assertThat(player.getElement().getAttribute("src")).startsWith("media/videos/");
        assertThat(player.getElement().getChildren().map(track -> track.getAttribute("srclang")))
                .containsExactlyInAnyOrder("en", "zh-CN");
        assertThat(player.getElement().getChildren().filter(track -> track.hasAttribute("default"))
                .map(track -> track.getAttribute("srclang"))).containsExactly("en");
        Details withVideo = _find(Details.class).stream().filter(d -> !_find(d, VideoPlayer.class).isEmpty())
                .findFirst().orElseThrow();
        assertThat(_get(withVideo, H3.class).getText()).isEqualTo("Forward arm raise");
    }

    @Test
    void aTherapistEditsAnExerciseAndIsToldAtTheFieldWhatIsMissing() {
        signInToUi("fudan.therapist");
        UI.getCurrent().navigate("manual");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class);
        _click(_find(GridKt._getCellComponent(grid, 0, "actions"), Button.class).getFirst());
        var title = _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withLabel(
                "Title (English)"));
        title.setValue("");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(title.isInvalid()).isTrue();
        var reason = _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withLabel(
                "Why this change"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isNotBlank().doesNotContain("change.reason");
    }
}

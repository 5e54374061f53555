package org.researchportal.exercise.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.researchportal.exercise.Text;

/** The method is written one step per line in each language, and the two must line up. */
class ExerciseEditDialogTests {

    @Test
    void stepsPairLineByLineAndEmptyChineseBorrowsTheEnglish() {
        assertThat(ExerciseEditDialog.steps("Stand.\n\n Lift. \n", "站立。\n抬起。")).containsExactly(
                new Text("Stand.", "站立。"), new Text("Lift.", "抬起。"));
        assertThat(ExerciseEditDialog.steps("Stand.\nLift.", "")).containsExactly(new Text("Stand.", "Stand."),
                new Text("Lift.", "Lift."));
        assertThat(ExerciseEditDialog.stepsMatch("Stand.\nLift.", "站立。")).isFalse();
        assertThat(ExerciseEditDialog.stepsMatch("Stand.\nLift.", "站立。\n\n抬起。")).isTrue();
        assertThat(ExerciseEditDialog.stepsMatch("Stand.", "  ")).isTrue();
    }
}

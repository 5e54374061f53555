package org.researchportal.demo;

import static org.researchportal.exercise.ManualExercise.Phase.COOL_DOWN;
import static org.researchportal.exercise.ManualExercise.Phase.FUNCTIONAL;
import static org.researchportal.exercise.ManualExercise.Phase.WARM_UP;
import static org.researchportal.exercise.ManualExercise.Region.ARMS;
import static org.researchportal.exercise.ManualExercise.Region.BACK;
import static org.researchportal.exercise.ManualExercise.Region.HANDS;
import static org.researchportal.exercise.ManualExercise.Region.HIPS;
import static org.researchportal.exercise.ManualExercise.Region.LEGS;
import static org.researchportal.exercise.ManualExercise.Region.SHOULDERS;
import static org.researchportal.exercise.ManualExercise.Region.WHOLE_BODY;

import java.util.ArrayList;
import java.util.List;
import org.researchportal.exercise.Dosage;
import org.researchportal.exercise.GuidancePage;
import org.researchportal.exercise.ManualExercise;
import org.researchportal.exercise.ProgrammeTemplate;
import org.researchportal.exercise.Text;

/**
 * The RE-MS demo manual: a home programme of aerobic warm-ups and functional training for the hands, arms, shoulders,
 * hips, legs and back, as the trial listing describes it. Written for the demo, not clinical advice.
 */
public final class DemoManual {

    private static final Text STOP = new Text(
            "Stop and tell the study team if joint pain rises by 2 or more points (0-10), or if you feel chest pain,"
                    + " dizziness or unusual breathlessness.",
            "如关节疼痛（0-10分）上升2分或以上，或出现胸痛、头晕、异常气促，请停止并告知研究团队。");
    private static final List<Text> PROGRESSION = List.of(
            new Text("Level 1: as described, slowly.", "第1级：按说明缓慢完成。"),
            new Text("Level 2: one more set, or a longer hold.", "第2级：增加一组，或延长保持时间。"),
            new Text("Level 3: add light resistance (a band or a water bottle).", "第3级：增加轻度阻力（弹力带或水瓶）。"));

    private DemoManual() {
    }

    public static List<ManualExercise> exercises() {
        List<ManualExercise> all = new ArrayList<>();
        all.add(ex("march", WARM_UP, WHOLE_BODY, "Marching on the spot", "原地踏步",
                "Warms the body and raises the heart rate gently.", "温和地热身并提高心率。",
                new String[] {"Stand tall near a chair you can hold.", "Lift your knees in turn, swinging your arms.",
                        "Keep a pace at which you can still talk."},
                new String[] {"靠近可扶的椅子站直。", "交替抬膝，同时摆臂。", "保持能说话的节奏。"},
                new Dosage(null, null, null, 5), "Hold the chair if you feel unsteady.", "如感觉不稳请扶住椅子。"));
        all.add(ex("arm_circles", WARM_UP, ARMS, "Arm circles", "手臂画圈", "Loosens the arms and shoulders.",
                "放松手臂和肩部。", new String[] {"Stand or sit with arms out to the sides.",
                        "Make small circles forwards, then backwards.", "Keep the shoulders relaxed."},
                new String[] {"站立或坐位，双臂侧平举。", "先向前画小圈，再向后。", "保持肩部放松。"},
                new Dosage(2, 10, null, null), "Lower the arms if the shoulder hurts.", "如肩痛请放低手臂。"));
        all.add(ex("shoulder_rolls", WARM_UP, SHOULDERS, "Shoulder rolls", "耸肩绕环", "Eases shoulder stiffness.",
                "缓解肩部僵硬。", new String[] {"Sit upright.", "Roll both shoulders up, back and down.",
                        "Breathe out as they come down."},
                new String[] {"坐直。", "双肩向上、向后、向下绕环。", "肩膀放下时呼气。"},
                new Dosage(2, 10, null, null), "Move slowly; no jerking.", "动作要慢，不要猛拉。"));
        all.add(ex("tendon_glides", FUNCTIONAL, HANDS, "Finger tendon glides", "手指肌腱滑动",
                "Keeps the finger joints moving and eases morning stiffness.", "保持手指关节活动，缓解晨僵。",
                new String[] {"Start with the fingers straight.",
                        "Make a hook fist, then a full fist, then a flat fist.",
                        "Straighten the fingers between each."},
                new String[] {"手指伸直开始。", "依次做钩拳、全握拳、平拳。", "每次之间伸直手指。"},
                new Dosage(2, 10, 3, null), "Stay within a comfortable range.", "在舒适范围内活动。"));
        all.add(ex("ball_squeeze", FUNCTIONAL, HANDS, "Soft ball squeeze", "软球握力训练", "Builds grip strength.",
                "增强握力。", new String[] {"Hold a soft ball in one hand.", "Squeeze gently for a count of three.",
                        "Release slowly; change hands."},
                new String[] {"一手握软球。", "轻握并数到三。", "缓慢放松，换手。"},
                new Dosage(2, 10, 3, null), "Use a softer ball if the fingers ache.", "如手指酸痛请换更软的球。"));
        all.add(ex("wrist_flex", FUNCTIONAL, ARMS, "Wrist bends", "腕关节屈伸", "Keeps the wrists mobile.",
                "保持腕关节灵活。", new String[] {"Rest the forearm on a table, hand over the edge.",
                        "Bend the wrist up, then down, slowly.", "Keep the forearm still."},
                new String[] {"前臂放在桌上，手伸出桌边。", "缓慢向上、向下屈腕。", "前臂保持不动。"},
                new Dosage(2, 12, null, null), "Stop if you feel tingling in the fingers.", "如手指发麻请停止。"));
        all.add(ex("wall_pushup", FUNCTIONAL, ARMS, "Wall push-ups", "靠墙俯卧撑", "Strengthens the arms and chest.",
                "增强手臂和胸部力量。", new String[] {"Stand an arm's length from a wall, hands flat on it.",
                        "Bend the elbows to bring the chest towards the wall.", "Push back to straight arms."},
                new String[] {"距墙一臂远站立，双手平放墙上。", "屈肘使胸部靠近墙面。", "推回至手臂伸直。"},
                new Dosage(2, 10, null, null), "Keep the body in a straight line.", "保持身体成一直线。"));
        all.add(ex("shoulder_raise", FUNCTIONAL, SHOULDERS, "Forward arm raise", "手臂前举",
                "Restores the shoulder's reach.", "恢复肩关节活动范围。",
                new String[] {"Sit or stand with arms by the sides.",
                        "Raise one arm forwards as high as is comfortable.",
                        "Lower it slowly; change arms."},
                new String[] {"坐或站，双臂自然下垂。", "一侧手臂向前抬至舒适高度。", "缓慢放下，换侧。"},
                new Dosage(2, 10, null, null), "Do not push into sharp pain.", "不要勉强进入锐痛范围。"));
        all.add(ex("sit_to_stand", FUNCTIONAL, LEGS, "Sit to stand", "坐站转换", "Strengthens the legs for daily life.",
                "增强下肢力量，便于日常活动。", new String[] {"Sit at the front of a firm chair, feet flat.",
                        "Lean forwards and stand up without using the hands if you can.", "Sit down slowly."},
                new String[] {"坐在稳固椅子前缘，双脚平放。", "身体前倾，尽量不用手站起。", "缓慢坐下。"},
                new Dosage(2, 8, null, null), "Use the armrests if the knees hurt.", "如膝痛可扶扶手。"));
        all.add(ex("heel_raise", FUNCTIONAL, LEGS, "Heel raises", "提踵", "Strengthens the calves and balance.",
                "增强小腿力量和平衡。", new String[] {"Stand holding the back of a chair.", "Rise onto the toes.",
                        "Lower the heels slowly."},
                new String[] {"扶椅背站立。", "踮起脚尖。", "缓慢放下脚跟。"},
                new Dosage(2, 12, null, null), "Hold on throughout.", "全程扶稳。"));
        all.add(ex("bridge", FUNCTIONAL, HIPS, "Bridge", "臀桥", "Strengthens the hips and lower back.",
                "增强髋部和下背部力量。", new String[] {"Lie on your back, knees bent, feet flat.",
                        "Lift the hips until the body is straight from knees to shoulders.", "Lower slowly."},
                new String[] {"仰卧屈膝，双脚平放。", "抬起臀部，使膝至肩成一直线。", "缓慢放下。"},
                new Dosage(2, 10, 3, null), "Keep the neck relaxed on the floor.", "颈部放松贴地。"));
        all.add(ex("side_leg_raise", FUNCTIONAL, HIPS, "Standing side leg raise", "站立侧抬腿",
                "Strengthens the side of the hip.", "增强髋外侧力量。",
                new String[] {"Stand holding a chair.", "Lift one leg out to the side, toes forward.",
                        "Lower it slowly; change legs."},
                new String[] {"扶椅站立。", "一侧腿向外侧抬起，脚尖朝前。", "缓慢放下，换侧。"},
                new Dosage(2, 10, null, null), "Keep the trunk upright.", "躯干保持直立。"));
        all.add(ex("cat_camel", FUNCTIONAL, BACK, "Cat and camel", "猫驼式", "Keeps the spine supple.",
                "保持脊柱灵活。", new String[] {"Kneel on hands and knees.", "Round the back up, then let it dip gently.",
                        "Move with the breath."},
                new String[] {"双手双膝跪撑。", "拱背向上，再缓慢下沉。", "配合呼吸。"},
                new Dosage(2, 8, null, null), "Use a cushion under the knees.", "膝下可垫软垫。"));
        all.add(ex("calf_stretch", COOL_DOWN, LEGS, "Calf stretch", "小腿拉伸", "Relaxes the calves after exercise.",
                "运动后放松小腿。", new String[] {"Face a wall, one foot behind the other.",
                        "Bend the front knee, keeping the back heel down.", "Hold, then change legs."},
                new String[] {"面墙站立，一脚在后。", "前膝弯曲，后脚跟着地。", "保持后换侧。"},
                new Dosage(2, null, 30, null), "Stretch gently; never bounce.", "轻柔拉伸，不要弹振。"));
        all.add(ex("chest_stretch", COOL_DOWN, SHOULDERS, "Chest and shoulder stretch", "胸肩拉伸",
                "Opens the chest and shoulders, important after breast surgery.", "舒展胸肩，对乳腺手术后尤为重要。",
                new String[] {"Stand in a doorway, forearm against the frame.",
                        "Step forward gently until you feel a stretch.",
                        "Hold, then change sides."},
                new String[] {"站在门框处，前臂贴门框。", "轻轻向前迈步至有拉伸感。", "保持后换侧。"},
                new Dosage(2, null, 30, null), "Stop if the scar area pulls painfully.", "如疤痕处牵拉疼痛请停止。"));
        return all;
    }

    public static List<GuidancePage> guidance() {
        return List.of(
                page("endocrine", "Your endocrine therapy and its side effects", "内分泌治疗及其副作用",
                        "Aromatase inhibitors lower oestrogen and protect against recurrence. Joint and muscle aches"
                                + " are common; keep taking your medicine and tell the team about side effects.",
                        "芳香化酶抑制剂降低雌激素，预防复发。关节和肌肉疼痛较常见；请坚持服药，并将副作用告知研究团队。"),
                page("activity", "Staying active", "保持活动",
                        "Aim for regular everyday activity such as walking, a little each day, and rest when needed.",
                        "每天进行适量的日常活动，如散步，需要时注意休息。"),
                page("support", "Psychological support", "心理支持",
                        "Worry and low mood are common after cancer. The team can arrange counselling if you wish.",
                        "癌症后出现焦虑和情绪低落很常见。如有需要，研究团队可为您安排心理咨询。"),
                page("health", "Health education", "健康教育",
                        "Eat a balanced diet, keep bones strong with calcium and vitamin D, and come to check-ups.",
                        "均衡饮食，补充钙和维生素D以保护骨骼，并按时复查。"));
    }

    public static ProgrammeTemplate standardProgramme() {
        return new ProgrammeTemplate("re_ms_standard", new Text("RE-MS standard home programme",
                "RE-MS 标准居家运动方案"), exercises().stream().map(ManualExercise::code).toList(), 3);
    }

    private static ManualExercise ex(String code, ManualExercise.Phase phase, ManualExercise.Region region,
            String title, String titleZh, String purpose, String purposeZh, String[] steps, String[] stepsZh,
            Dosage dosage, String safety, String safetyZh) {
        List<Text> method = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            method.add(new Text(steps[i], stepsZh[i]));
        }
        return new ManualExercise(code, phase, region, new Text(title, titleZh), new Text(purpose, purposeZh), method,
                dosage, PROGRESSION, new Text(safety, safetyZh), STOP);
    }

    private static GuidancePage page(String code, String title, String titleZh, String body, String bodyZh) {
        return new GuidancePage(code, new Text(title, titleZh), new Text(body, bodyZh));
    }

}

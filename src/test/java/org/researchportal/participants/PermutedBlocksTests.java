package org.researchportal.participants;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.researchportal.study.RandomisationPlan;

/** Over many simulated studies every completed block is balanced in the plan's ratio, with the planned sizes. */
class PermutedBlocksTests {

    private final PermutedBlocks blocks = new PermutedBlocks(new SecureRandom());

    private static void assertBalancedBlocks(List<PermutedBlocks.Place> places, Map<String, Integer> ratio,
            List<Integer> sizes) {
        Map<Integer, List<PermutedBlocks.Place>> byBlock = places.stream()
                .collect(Collectors.groupingBy(PermutedBlocks.Place::block));
        int sum = ratio.values().stream().mapToInt(Integer::intValue).sum();
        byBlock.values().forEach(block -> {
            assertThat(sizes).contains(block.size());
            Map<String, Long> perArm = block.stream()
                    .collect(Collectors.groupingBy(PermutedBlocks.Place::armCode, Collectors.counting()));
            ratio.forEach((arm, share) -> assertThat(perArm.get(arm)).isEqualTo((long) share * block.size() / sum));
        });
    }

    @Test
    void oneToOneBlocksOfTwoAndFourAreBalancedAcrossThousandsOfStudies() {
        var plan = new RandomisationPlan(Map.of("EXERCISE", 1, "CONTROL", 1), List.of(1, 2), List.of());
        Map<Integer, Integer> sizesSeen = new HashMap<>();
        for (int study = 0; study < 2_000; study++) {
            List<PermutedBlocks.Place> places = blocks.generate(plan, 24, 1);
            assertThat(places.size()).isBetween(24, 27);
            assertBalancedBlocks(places, plan.ratio(), List.of(2, 4));
            places.stream().collect(Collectors.groupingBy(PermutedBlocks.Place::block, Collectors.counting()))
                    .values().forEach(size -> sizesSeen.merge(size.intValue(), 1, Integer::sum));
        }
        assertThat(sizesSeen).containsOnlyKeys(2, 4);
    }

    @Test
    void unequalRatiosKeepTheirProportionInEveryBlock() {
        var plan = new RandomisationPlan(Map.of("A", 2, "B", 1), List.of(1, 2), List.of());
        for (int study = 0; study < 500; study++) {
            assertBalancedBlocks(blocks.generate(plan, 30, 1), plan.ratio(), List.of(3, 6));
        }
    }

    @Test
    void theOrderWithinBlocksVaries() {
        var plan = new RandomisationPlan(Map.of("EXERCISE", 1, "CONTROL", 1), List.of(2), List.of());
        long distinctFirstBlocks = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> blocks.generate(plan, 4, 1).stream().map(PermutedBlocks.Place::armCode).toList())
                .distinct().count();
        assertThat(distinctFirstBlocks).isEqualTo(6);
    }
}

package org.researchportal.participants;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.researchportal.study.RandomisationPlan;

/**
 * Permuted-block allocation sequences: each block holds every arm in the plan's ratio, times a block multiple drawn at
 * random, shuffled with a cryptographically strong generator. Every completed block is therefore balanced, and the
 * varying block size keeps the end of a block from being guessed.
 */
final class PermutedBlocks {

    /** One place of a sequence. */
    record Place(String armCode, int block) {}

    private final SecureRandom random;

    PermutedBlocks(SecureRandom random) {
        this.random = random;
    }

    /** Whole blocks, numbered from {@code firstBlock}, until at least {@code atLeast} places are made. */
    List<Place> generate(RandomisationPlan plan, int atLeast, int firstBlock) {
        List<Place> places = new ArrayList<>();
        int block = firstBlock;
        while (places.size() < atLeast) {
            int multiple = plan.blockMultiples().get(random.nextInt(plan.blockMultiples().size()));
            List<String> arms = new ArrayList<>();
            for (Map.Entry<String, Integer> share : plan.ratio().entrySet()) {
                for (int i = 0; i < share.getValue() * multiple; i++) {
                    arms.add(share.getKey());
                }
            }
            Collections.shuffle(arms, random);
            for (String arm : arms) {
                places.add(new Place(arm, block));
            }
            block++;
        }
        return places;
    }
}

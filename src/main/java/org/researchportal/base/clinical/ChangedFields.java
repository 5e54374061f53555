package org.researchportal.base.clinical;

import java.lang.reflect.RecordComponent;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** Which fields of a form kept as a Java record a change set: the names of its components whose value differs. */
public final class ChangedFields {

    private ChangedFields() {
    }

    /** The components whose value differs; for a new form ({@code before} null), those with a value. */
    public static <R extends Record> Set<String> of(@Nullable R before, R after) {
        Set<String> changed = new TreeSet<>();
        for (RecordComponent field : after.getClass().getRecordComponents()) {
            try {
                Object now = field.getAccessor().invoke(after);
                Object was = before == null ? null : field.getAccessor().invoke(before);
                if (before == null ? now != null : !Objects.equals(was, now)) {
                    changed.add(field.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }
}

package org.researchportal.study;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * An arm of a study, e.g. RE-MS's "Exercise" (home programme with manual and videos) and "Control" (standard guidance
 * with monthly telephone follow-ups).
 *
 * @param code a short stable code, e.g. {@code EXERCISE}
 * @param name the arm's name, as exports and English screens show it
 * @param nameZh its Chinese name for Chinese screens; the name stands in when there is none
 */
public record Arm(String code, String name, ArmKind kind, String description, @Nullable String nameZh) {

    public static final int CODE_MAX_LENGTH = 24;
    public static final int NAME_MAX_LENGTH = 60;
    public static final int DESCRIPTION_MAX_LENGTH = 500;

    /** The stored form (the Chinese name came later, so older documents have none). */
    @PersistenceCreator
    public Arm {
    }

    public Arm(String code, String name, ArmKind kind, String description) {
        this(code, name, kind, description, null);
    }

    /** The name in a person's language. */
    public String name(Locale locale) {
        return locale.getLanguage().equals("zh") && nameZh != null && !nameZh.isBlank() ? nameZh : name;
    }
}

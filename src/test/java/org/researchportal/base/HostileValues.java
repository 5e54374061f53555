package org.researchportal.base;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;

/**
 * Hostile and malformed values, drawn from a seeded random source so a failing case can be replayed (none is a demo
 * person's name, number or address, which other tests look for in the database): overlong text,
 * control and bidirectional characters, emoji and CJK, markup and script, formulas, query operators, malformed phone
 * numbers and emails, out-of-range numbers, impossible and far-future dates.
 */
public final class HostileValues {

    private static final List<String> TEXTS = List.of("", " ", "\t\n", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(document.cookie)>", "<b>bold</b>&amp;&lt;", "javascript:alert(1)",
            "=HYPERLINK(\"http://evil.example\",\"click\")", "+SUM(A1:A9)", "@cmd", "{\"$gt\": \"\"}", "$where",
            "a.b.c", "../../etc/passwd", "%00%2e%2e/", "NaN", "Infinity", "-0", "1e309", "9".repeat(40),
            "测试 文本", "患者姓名：测试", "😀👩‍👩‍👧‍👦🏳️‍🌈", "مرحبا بالعالم", "שלום", "Zoë Ångström-Ñúñez",
            "\u202Eevil\u202C", "abc\u2066def\u2069", "nul\u0000byte", "bell\u0007", "esc\u001b[31mred",
            "\uD800lonely", "tail\uDC00", "zero\u200Bwidth", "\uFEFFbom", "line1\r\nline2", "Robert'); DROP TABLE--",
            "+", "++8613900000000", "+86 139 0000 0000 ext 99999999", "139-0000-0000", "call me", "020 7946 0000",
            "+8613912345678", "a@", "@b.c", "a@b@c.d", "a@[127.0.0.1]", "用户@例子.广告", "x@y.z", "ok@example.org",
            "  padded  ", "PT25H", "24:61", "2026-02-30", "9999-12-31");

    private final Random random;

    /** The fixed hostile texts (the random ones are made of these or of no real value). */
    public static List<String> texts() {
        return TEXTS;
    }

    public HostileValues(long seed) {
        this.random = new Random(seed);
    }

    public String text() {
        return switch (random.nextInt(10)) {
            case 0 -> "x".repeat(1 + random.nextInt(5000));
            case 1 -> "長".repeat(250_000);
            case 2 -> TEXTS.get(random.nextInt(TEXTS.size())) + TEXTS.get(random.nextInt(TEXTS.size()));
            case 3 -> randomCodePoints(1 + random.nextInt(40));
            default -> TEXTS.get(random.nextInt(TEXTS.size()));
        };
    }

    public int anInt() {
        int[] values = {-1, 0, 1, 7, Integer.MAX_VALUE, Integer.MIN_VALUE, 1_000_000, -999};
        return values[random.nextInt(values.length)];
    }

    public long aLong() {
        long[] values = {-1L, 0L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, 9_999_999_999L};
        return values[random.nextInt(values.length)];
    }

    public double aDouble() {
        double[] values = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1e308, 1e308, -0.0, 0.5,
                -3, 11, 100};
        return values[random.nextInt(values.length)];
    }

    public LocalDate date() {
        LocalDate[] values = {LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(1900, 1, 1),
                LocalDate.now(), LocalDate.now().plusYears(200), LocalDate.now().minusYears(150), LocalDate.of(2024, 2,
                        29)};
        return values[random.nextInt(values.length)];
    }

    public LocalTime time() {
        LocalTime[] values = {LocalTime.MIDNIGHT, LocalTime.MAX, LocalTime.NOON, LocalTime.of(23, 59)};
        return values[random.nextInt(values.length)];
    }

    public Instant instant() {
        Instant[] values = {Instant.EPOCH, Instant.parse("9999-12-31T23:59:59Z"), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.now(), Instant.now().plusSeconds(86_400L * 365 * 300)};
        return values[random.nextInt(values.length)];
    }

    public boolean aBoolean() {
        return random.nextBoolean();
    }

    public int below(int bound) {
        return random.nextInt(bound);
    }

    public byte[] bytes() {
        return switch (random.nextInt(4)) {
            case 0 -> new byte[0];
            case 1 -> "%PDF-1.7 not really".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            case 2 -> "<svg onload=alert(1)>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            default -> {
                byte[] noise = new byte[random.nextInt(4096)];
                random.nextBytes(noise);
                yield noise;
            }
        };
    }

    private String randomCodePoints(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int codePoint = random.nextInt(0x30000);
            if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }
}

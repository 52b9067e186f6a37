package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.system.Contacts.contact;
import static org.hotline.system.Contacts.freshPhoneNumber;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.hotline.system.RunningHotline.Hotline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The public figures as an observer polling them sees them: the same bytes while contacts come
 * in, and only once the day they came in has closed a new publication, every count in it a
 * multiple of 5, none below the threshold, each moved by a multiple of 5 and each the rounding
 * of the exact count the ops room sees.
 *
 * <p>The day closes honestly: stats-service is started again with its clock a day ahead
 * ({@code HOTLINE_CLOCK_SHIFT}, the clock module's test setting), past the end of today (Kyiv)
 * plus the publication delay, and its Publisher publishes the closed day as it would tomorrow
 * morning, from the same events. In {@code finally} it is started again on the system clock; the
 * publication it made stays, and the real clock publishes nothing until a later day closes.
 */
@ExtendWith(RunningHotline.class)
class PublicFiguresIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    /** stats-service's hotline.stats.time-zone and hotline.stats.publication.delay (the stack keeps both). */
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final Duration PUBLICATION_DELAY = Duration.ofHours(3);
    /** Fields of the summary that are not counts. */
    private static final List<String> NOT_COUNTS = List.of("period", "publishedAt", "nextPublicationAfter",
            "timeZone", "threshold", "roundingBase", "share", "monthOverMonthChange");

    @Test
    void thePublicFiguresStayTheSameWhileContactsComeAndMoveByRoundedAmountsOnceTheDayCloses(Hotline hotline) {
        Publication before = Publication.read(hotline);
        Instant received = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(received, KYIV);
        int exactTodayBefore = Stats.dayTotal(hotline, "contacts", today.toString());

        // Twelve from Belarus today, and three on a past day: the ops room counts each at once.
        for (int i = 0; i < 15; i++) {
            String when = i < 12 ? received.toString() : today.minusDays(20) + "T09:00:00Z";
            Map<String, Object> body = contact(i % 2 == 0 ? "SURRENDER_REQUEST" : "INFORMATION", freshPhoneNumber(), when);
            body.put("origin", "BY");
            Contacts.post(hotline.intakeUrl(), body).then().statusCode(201);
            assertThat(Publication.read(hotline)).as("the public summary after contact %d", i + 1).isEqualTo(before);
        }
        Stats.awaitEveryContactApplied(hotline);
        assertThat(Stats.dayTotal(hotline, "contacts", today.toString())).isEqualTo(exactTodayBefore + 12);
        assertThat(Publication.read(hotline)).as("the public summary once stats-service has counted them all")
                .isEqualTo(before);
        given().auth().none().baseUri(hotline.statsUrl()).header("If-None-Match", before.etag())
                .get("/api/v1/stats/public/summary").then().statusCode(304);

        Map<String, Integer> exactTodayByOrigin = Stats.dayByOrigin(hotline, "contacts", today.toString());
        Duration toTomorrowsPublication = Duration.between(Instant.now(),
                today.plusDays(1).atStartOfDay(KYIV).toInstant().plus(PUBLICATION_DELAY).plusSeconds(60));
        try {
            hotline.stats().stop();
            hotline.stats().override(Map.of("HOTLINE_CLOCK_SHIFT", toTomorrowsPublication.toString()));
            hotline.stats().start();

            Publication after = await("the publication of " + today).atMost(DEADLINE).until(() -> Publication.read(hotline),
                    published -> published.json().getString("period.end").equals(today.toString()));

            assertThat(after.etag()).isNotEqualTo(before.etag());
            assertThat(after.json().getString("period.start")).isEqualTo(today.toString());
            assertEveryCountRoundedAndAtLeastTheThreshold(after);
            assertMovedByMultiplesOfTheBase(before, after);
            assertTodayIsTheRoundingOfTheExactCounts(after.json(), exactTodayByOrigin);
            assertNoHiddenPartFollowsFromItsTotal(after.json(), "contacts.inPeriod");
            assertNoHiddenPartFollowsFromItsTotal(after.json(), "contacts.sinceLaunch");
            assertThat(Publication.read(hotline)).as("the next poll").isEqualTo(after);
        } finally {
            hotline.stats().stop();
            hotline.stats().override(Map.of());
            hotline.stats().start();
        }
    }

    private static void assertEveryCountRoundedAndAtLeastTheThreshold(Publication publication) {
        int base = publication.json().getInt("roundingBase");
        int threshold = publication.json().getInt("threshold");
        SoftAssertions softly = new SoftAssertions();
        publication.counts().forEach((path, cell) -> {
            if (cell instanceof Number count) {
                softly.assertThat(count.longValue() % base).as(path + " = " + count + " is a multiple of " + base).isZero();
                softly.assertThat(count.longValue()).as(path + " is not below the threshold").isGreaterThanOrEqualTo(threshold);
            } else {
                softly.assertThat(cell).as(path).isIn("<" + threshold, "suppressed");
            }
        });
        softly.assertAll();
    }

    /** A cell published both times moved by a multiple of the rounding base, never by 1. */
    private static void assertMovedByMultiplesOfTheBase(Publication before, Publication after) {
        int base = after.json().getInt("roundingBase");
        Map<String, Object> earlier = before.counts();
        SoftAssertions softly = new SoftAssertions();
        after.counts().forEach((path, cell) -> {
            if (cell instanceof Number now && earlier.get(path) instanceof Number then) {
                softly.assertThat((now.longValue() - then.longValue()) % base)
                        .as(path + " moved from " + then + " to " + now).isZero();
            }
        });
        softly.assertAll();
    }

    /** Today's contacts by origin, as published, against the ops room's exact counts. */
    private static void assertTodayIsTheRoundingOfTheExactCounts(JsonPath published, Map<String, Integer> exact) {
        int threshold = published.getInt("threshold");
        SoftAssertions softly = new SoftAssertions();
        for (String origin : List.of("RU", "UA_OCCUPIED", "BY", "OTHER", "UNKNOWN")) {
            long count = exact.getOrDefault(origin, 0);
            Object cell = published.get("contacts.inPeriod.byOrigin." + origin + ".count");
            long rounded = (count + 2) / 5 * 5;
            if (cell instanceof Number shown) {
                softly.assertThat(shown.longValue()).as(origin + " today, exactly " + count).isEqualTo(rounded);
            } else if (rounded < threshold) {
                softly.assertThat(cell).as(origin + " today, exactly " + count).isEqualTo("<" + threshold);
            } else {
                softly.assertThat(cell).as(origin + " today, exactly " + count).isEqualTo("suppressed");
            }
        }
        // Twelve of today's are ours, from Belarus: at least 12, so shown as 10 or more, never "<10".
        softly.assertThat(published.get("contacts.inPeriod.byOrigin.BY.count").toString()).isNotEqualTo("<" + threshold);
        softly.assertAll();
    }

    /**
     * What an observer can work out from a total and its parts: each hidden part's possible
     * values, from the ranges of the shown ones (each within 2 of its rounded value, at least the
     * threshold less 2), "<10" (0 to 7) and the total. None may be down to one value.
     */
    private static void assertNoHiddenPartFollowsFromItsTotal(JsonPath published, String row) {
        int threshold = published.getInt("threshold");
        Object total = published.get(row + ".total");
        if (!(total instanceof Number shownTotal)) {
            return; // no total, nothing to subtract from
        }
        long totalLow = shownTotal.longValue() - 2;
        long totalHigh = shownTotal.longValue() + 2;
        Map<String, long[]> ranges = new LinkedHashMap<>();
        Map<String, Map<String, Object>> parts = published.getMap(row + ".byOrigin");
        parts.forEach((origin, share) -> {
            Object cell = share.get("count");
            ranges.put(origin, cell instanceof Number shown
                    ? new long[] {Math.max(threshold - 2, shown.longValue() - 2), shown.longValue() + 2}
                    : "<10".equals(cell) ? new long[] {0, threshold - 3} : new long[] {threshold - 2, totalHigh});
        });
        long lows = ranges.values().stream().mapToLong(r -> r[0]).sum();
        long highs = ranges.values().stream().mapToLong(r -> r[1]).sum();
        SoftAssertions softly = new SoftAssertions();
        ranges.forEach((origin, range) -> {
            long low = Math.max(range[0], totalLow - (highs - range[1]));
            long high = Math.min(range[1], totalHigh - (lows - range[0]));
            softly.assertThat(high).as(row + "." + origin + " can be worked out from the total: %d..%d", low, high)
                    .isGreaterThan(low);
        });
        softly.assertAll();
    }

    /** One answer of the public summary: its ETag and its bytes. */
    private record Publication(String etag, String body) {

        /** Read without a token, as the public does; waits out a 429 another suite's polls caused. */
        static Publication read(Hotline hotline) {
            Response response = await("the public summary").atMost(DEADLINE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> given().auth().none().baseUri(hotline.statsUrl()).get("/api/v1/stats/public/summary"),
                            answer -> answer.statusCode() != 429);
            response.then().statusCode(200);
            return new Publication(response.header("ETag"), response.asString());
        }

        JsonPath json() {
            return JsonPath.from(body);
        }

        /** Every count of the summary by its path: a number, "<10" or "suppressed". */
        Map<String, Object> counts() {
            Map<String, Object> counts = new LinkedHashMap<>();
            collect("", json().getMap(""), counts);
            return counts;
        }

        private static void collect(String path, Map<String, Object> node, Map<String, Object> counts) {
            node.forEach((key, value) -> {
                if (NOT_COUNTS.contains(key)) {
                    return;
                }
                String at = path.isEmpty() ? key : path + "." + key;
                if (value instanceof Map<?, ?> child) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) child;
                    collect(at, map, counts);
                } else if (value != null) {
                    counts.put(at, value);
                }
            });
        }
    }
}

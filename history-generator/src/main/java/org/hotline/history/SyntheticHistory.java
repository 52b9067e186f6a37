package org.hotline.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.hotline.events.CallerRole;
import org.hotline.events.Channel;
import org.hotline.events.Origin;
import org.hotline.events.Purpose;

/**
 * The contacts of a {@link HistoryPlan}, month by month in time order, the same for the same plan
 * and seed. Surrender requests and the Russian share are exactly as planned; the rest is a
 * plausible mix: mostly silent calls, pranks and questions, some relatives, repeat callers, and
 * follow-ups by men who asked to surrender in an earlier month, naming the reference they got.
 */
final class SyntheticHistory {

    private static final byte RU_REQUEST = 0;
    private static final byte OCCUPIED_REQUEST = 1;
    private static final byte RU_OTHER = 2;
    private static final byte FOREIGN_OTHER = 3;
    private static final Origin[] NON_RUSSIAN = {Origin.UA_OCCUPIED, Origin.UA_OCCUPIED, Origin.BY, Origin.OTHER,
            Origin.UNKNOWN, Origin.UNKNOWN};

    private final HistoryPlan plan;
    private final long seed;
    /** Identifier of the man behind each surrender request so far, by its number. */
    private final List<String> requesters = new ArrayList<>();
    private long callers;

    SyntheticHistory(HistoryPlan plan, long seed) {
        this.plan = plan;
        this.seed = seed;
    }

    /** Feeds every contact, oldest first, to {@code sink}. */
    void forEach(Consumer<PlannedContact> sink) {
        for (int i = 0; i < plan.months().size(); i++) {
            month(plan.months().get(i), new SplittableRandom(seed * 1_000_003L + i), sink);
        }
    }

    private void month(HistoryPlan.MonthPlan month, SplittableRandom random, Consumer<PlannedContact> sink) {
        int count = Math.toIntExact(month.contacts());
        byte[] kinds = new byte[count];
        int at = 0;
        at = fill(kinds, at, month.russianSurrenderRequests(), RU_REQUEST);
        at = fill(kinds, at, month.surrenderRequests() - month.russianSurrenderRequests(), OCCUPIED_REQUEST);
        at = fill(kinds, at, month.russianOthers(), RU_OTHER);
        fill(kinds, at, month.others() - month.russianOthers(), FOREIGN_OTHER);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            byte swap = kinds[i];
            kinds[i] = kinds[j];
            kinds[j] = swap;
        }
        long start = month.month().firstDay().atStartOfDay(ReferenceHistory.KYIV).toEpochSecond();
        long end = month.month().lastDay().plusDays(1).atStartOfDay(ReferenceHistory.KYIV).toEpochSecond();
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = random.nextLong(start, end);
        }
        Arrays.sort(times);
        // Only requests of earlier months can be named: their references are known by then.
        int earlierRequests = requesters.size();
        for (int i = 0; i < count; i++) {
            sink.accept(contact(kinds[i], Instant.ofEpochSecond(times[i]), earlierRequests, random));
        }
    }

    private PlannedContact contact(byte kind, Instant at, int earlierRequests, SplittableRandom random) {
        Channel channel = channel(random);
        if (kind == RU_REQUEST || kind == OCCUPIED_REQUEST) {
            Origin origin = kind == RU_REQUEST ? Origin.RU : Origin.UA_OCCUPIED;
            // A few men ask again: the same caller, a second request, still one case.
            String identifier = earlierRequests > 0 && random.nextInt(100) < 3
                    ? requesters.get(random.nextInt(earlierRequests)) : newCaller(channel);
            requesters.add(identifier);
            return new PlannedContact(Purpose.SURRENDER_REQUEST, channel, origin, CallerRole.SERVICEMAN, identifier, at,
                    requesters.size() - 1);
        }
        Origin origin = kind == RU_OTHER ? Origin.RU : NON_RUSSIAN[random.nextInt(NON_RUSSIAN.length)];
        int roll = random.nextInt(100);
        if (roll < 4 && earlierRequests > 0) {
            int request = random.nextInt(earlierRequests);
            return new PlannedContact(Purpose.FOLLOW_UP, channel, origin, CallerRole.SERVICEMAN, requesters.get(request),
                    at, request);
        }
        if (roll < 10) {
            int named = earlierRequests > 0 && random.nextInt(100) < 40 ? random.nextInt(earlierRequests) : -1;
            return new PlannedContact(Purpose.RELATIVE_INQUIRY, channel, origin, CallerRole.RELATIVE, newCaller(channel),
                    at, named);
        }
        // Repeat callers: about a third of the rest called before.
        String identifier = callers > 0 && random.nextInt(100) < 30
                ? identifier(channel, random.nextLong(callers)) : newCaller(channel);
        if (roll < 45) {
            return new PlannedContact(Purpose.INFORMATION, channel, origin,
                    random.nextBoolean() ? CallerRole.SERVICEMAN : CallerRole.OTHER, identifier, at, -1);
        }
        return new PlannedContact(Purpose.NON_DATA, channel, origin, CallerRole.OTHER, identifier, at, -1);
    }

    private static Channel channel(SplittableRandom random) {
        int roll = random.nextInt(100);
        return roll < 55 ? Channel.PHONE : roll < 90 ? Channel.CHAT_BOT : Channel.WEB_FORM;
    }

    private String newCaller(Channel channel) {
        return identifier(channel, callers++);
    }

    /** A made-up identifier per caller number, in the form the channel uses. */
    private String identifier(Channel channel, long caller) {
        long mixed = (caller * 0x9E3779B97F4A7C15L) ^ seed;
        return switch (channel) {
            case PHONE -> "+7 9" + String.format("%09d", Math.floorMod(mixed, 1_000_000_000L));
            case CHAT_BOT -> "@synthetic_" + Long.toString(Math.floorMod(mixed, 1L << 40), 36);
            case WEB_FORM -> "synthetic" + Long.toString(Math.floorMod(mixed, 1L << 40), 36) + "@example.org";
        };
    }

    private static int fill(byte[] kinds, int from, long count, byte kind) {
        int to = from + Math.toIntExact(count);
        Arrays.fill(kinds, from, to, kind);
        return to;
    }
}

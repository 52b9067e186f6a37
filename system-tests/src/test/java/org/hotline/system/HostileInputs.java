package org.hotline.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import org.hotline.events.CaseReference;
import org.hotline.stack.Tokens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bad requests for every public endpoint, generated rather than written by hand: each field of a
 * valid body is replaced in turn by every value that is wrong for it (and pairs of fields at
 * once), then come raw bodies (truncated, malformed, nested too deep, too big, not UTF-8, with
 * control characters), wrong content types and wrong methods. Every generated body is invalid on
 * purpose: none may create anything.
 */
final class HostileInputs {

    /** Marks a field to leave out of the body. */
    static final Object MISSING = new Object();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";
    private static final String NDJSON_TYPE = "application/x-ndjson";

    /** One request, the endpoint it counts for, and what answer is acceptable. */
    record Attempt(String endpoint, String method, String url, String contentType, byte[] body,
            Map<String, String> headers, String what, Predicate<RawHttp.Answer> acceptable) {
    }

    private final String intake;
    private final String cases;
    private final String stats;
    private final String existingReference;
    private final String existingContactId;
    private final String unknownReference;
    private final List<Attempt> attempts = new ArrayList<>();

    HostileInputs(String intake, String cases, String stats, String existingReference, String existingContactId) {
        this.intake = intake;
        this.cases = cases;
        this.stats = stats;
        this.existingReference = existingReference;
        this.existingContactId = existingContactId;
        String unknown;
        Random random = new Random(42);
        do {
            unknown = CaseReference.generate(random, CaseReference.Issuer.CASE_SERVICE);
        } while (unknown.equals(existingReference));
        this.unknownReference = unknown;
    }

    static boolean isProblem4xx(RawHttp.Answer answer) {
        return answer.status() >= 400 && answer.status() < 500 && answer.isProblem();
    }

    /**
     * A body over the HTTP server's limit is refused by its announced length, before any of it is
     * read: a 413 (a problem from a service's own limit, or the HTTP server's bare one). RawHttp
     * reads the answer before it sends such a body, so no answer at all (status 0: a crash, a hang
     * or a reset) is a failure, not a refusal.
     */
    static boolean isRefusedAsTooLarge(RawHttp.Answer answer) {
        return answer.status() == 413;
    }

    private void addOversized(String endpoint, String url, Map<String, String> headers) {
        byte[] body = ("{\"notes\":\"" + "x".repeat(12 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        attempts.add(new Attempt(endpoint, "POST", url, JSON_TYPE, body, headers, "body over the HTTP limit",
                HostileInputs::isRefusedAsTooLarge));
    }

    /** A batch may refuse the whole request, or answer 200 with every line refused. */
    static boolean isRefusedBatch(RawHttp.Answer answer) {
        return isProblem4xx(answer)
                || answer.status() == 200 && answer.body().replace(" ", "").contains("\"accepted\":0");
    }

    List<Attempt> all() {
        contacts();
        contactBatch();
        contactRead();
        caseRead();
        caseList();
        caseOpen();
        caseTransitions();
        caseCare();
        caseHistoryAndOverdue();
        caseInquiryLink();
        casePersonalData();
        inquiryList();
        statsSeries("/api/v1/stats/series");
        statsSeries("/api/v1/stats/public/series");
        statsSummaries();
        badTokens();
        return attempts;
    }

    // ------------------------------------------------------------------ tokens

    /**
     * Requests that would change something with a valid token, sent with tokens that must not
     * pass: each gets a 401 problem, and the stores stay as they were.
     */
    private void badTokens() {
        Tokens trusted = RunningHotline.trustedTokens();
        String all = "operator,case-officer,analyst,admin";
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("signed by another key", Tokens.stranger().mint("intruder", all.split(",")));
        tokens.put("expired", trusted.expired("intruder", all.split(",")));
        tokens.put("wrong audience", trusted.withAudience("another-system", "intruder", all.split(",")));
        tokens.put("wrong issuer", trusted.withIssuer("https://issuer.elsewhere.invalid", "intruder", all.split(",")));
        tokens.put("not a token", "not-a-jwt");
        record Target(String endpoint, String url, byte[] body) {
        }
        List<Target> targets = List.of(
                new Target("POST /api/v1/contacts", intake + "/api/v1/contacts", json(validContact())),
                new Target("POST /api/v1/cases", cases + "/api/v1/cases", json(capturedCase())),
                new Target("POST /api/v1/cases/{reference}/transitions",
                        cases + "/api/v1/cases/" + existingReference + "/transitions", json(transition("VERIFIED"))),
                new Target("POST /api/v1/admin/rebuild", stats + "/api/v1/admin/rebuild", null));
        tokens.forEach((what, token) -> targets.forEach(target -> attempts.add(new Attempt(target.endpoint(), "POST",
                target.url(), target.body() == null ? null : JSON_TYPE, target.body(),
                Map.of("Authorization", "Bearer " + token), "token " + what,
                answer -> answer.status() == 401 && answer.isProblem()))));
    }

    // ------------------------------------------------------------------ intake

    private static Map<String, Object> validContact() {
        Map<String, Object> caller = new LinkedHashMap<>();
        caller.put("identifier", "+7 900 000 0000");
        caller.put("role", "SERVICEMAN");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fullName", "Ivan Ivanov");
        details.put("birthDate", "1990-05-01");
        details.put("notes", "calls at night");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "PHONE");
        body.put("receivedAt", "2022-12-01T10:00:00Z");
        body.put("purpose", "INFORMATION");
        body.put("origin", "RU");
        body.put("caller", caller);
        body.put("details", details);
        return body;
    }

    /** Values that are wrong for each field of a contact, whatever the other fields hold. */
    private Map<String, List<Object>> contactMutations() {
        Map<String, List<Object>> wrong = new LinkedHashMap<>();
        List<Object> wrongShapes = List.of(12, true, List.of(), Map.of());
        wrong.put("channel", concat(List.of(MISSING, "", "FAX", "phone", " PHONE", "PHONE\u0000", "x".repeat(10_000)),
                wrongShapes));
        wrong.put("receivedAt", concat(List.of("", "yesterday", "2022-13-45T10:00:00Z", "2022-12-01", "2022-12-01T25:00:00Z",
                "2021-06-01T10:00:00Z", "2022-09-17T10:00:00Z", "1970-01-01T00:00:00Z", "2999-01-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z", "2022-12-01T10:00:00Z' OR '1'='1"), List.of(true, List.of(), Map.of())));
        wrong.put("purpose", concat(List.of(MISSING, "", "SURRENDER", "surrender_request", "DROP TABLE contact"),
                wrongShapes));
        wrong.put("origin", concat(List.of("", "XX", "ru", "RUSSIA", "<script>alert(1)</script>"), wrongShapes));
        wrong.put("caller", List.of(MISSING, "+7 900", 12, List.of(), true));
        wrong.put("caller.identifier", List.of(MISSING, "", "   ", "9".repeat(65), "x".repeat(100_000), "+7 900\u0000",
                "+7 900\n2026-01-01 ERROR forged log line", "+7\u001b[31m900", List.of(), Map.of()));
        wrong.put("caller.role", concat(List.of(MISSING, "", "GENERAL", "serviceman"), wrongShapes));
        wrong.put("caseReference", List.of("NOT-A-REFERENCE", "", "ABCD-EFG", unknownReference, existingReference,
                "' OR 1=1 --", 12, List.of(), Map.of()));
        wrong.put("details", List.of("notes", 12, List.of(), true));
        // Not numbers for free text: Jackson reads 12 as "12", which is a plausible text.
        wrong.put("details.fullName", List.of("x".repeat(201), List.of(), Map.of()));
        wrong.put("details.birthDate", List.of("", "01.05.1990", "1990-02-30", "2999-01-01", "1990-05-01T00:00:00Z",
                "19900501x", List.of()));
        wrong.put("details.unit", List.of("u".repeat(201), Map.of()));
        wrong.put("details.location", List.of("l".repeat(201), List.of()));
        wrong.put("details.notes", List.of("n".repeat(2001), "n".repeat(1_000_000), Map.of()));
        wrong.put("details.phoneOfWife", List.of("+380 00 000 0000"));
        wrong.put("unknownField", List.of("x", 1, Map.of()));
        wrong.put("id", List.of(UUID.randomUUID().toString()));
        return wrong;
    }

    private List<byte[]> badContactBodies() {
        List<byte[]> bodies = new ArrayList<>();
        Map<String, List<Object>> wrong = contactMutations();
        // Every wrong value of every field on its own...
        wrong.forEach((path, values) -> values.forEach(value -> bodies.add(json(with(validContact(), path, value)))));
        // ...every pair of fields wrong at once (the first wrong value of each)...
        List<String> paths = List.copyOf(wrong.keySet());
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (paths.get(j).startsWith(paths.get(i) + ".") || paths.get(i).startsWith(paths.get(j) + ".")) {
                    continue;
                }
                Map<String, Object> body = with(validContact(), paths.get(i), wrong.get(paths.get(i)).get(0));
                bodies.add(json(with(body, paths.get(j), wrong.get(paths.get(j)).get(0))));
            }
        }
        // ...a follow-up without a reference, and a surrender request that names one.
        Map<String, Object> followUp = validContact();
        followUp.put("purpose", "FOLLOW_UP");
        bodies.add(json(followUp));
        followUp.put("caseReference", unknownReference);
        bodies.add(json(followUp));
        Map<String, Object> request = validContact();
        request.put("purpose", "SURRENDER_REQUEST");
        request.put("caseReference", existingReference);
        bodies.add(json(request));
        bodies.addAll(rawBodies(json(validContact())));
        return bodies;
    }

    /** Bodies that are not even the right JSON: truncated, malformed, too deep, too big, not UTF-8. */
    private static List<byte[]> rawBodies(byte[] valid) {
        List<byte[]> bodies = new ArrayList<>();
        String text = new String(valid, StandardCharsets.UTF_8);
        for (int length = 0; length < text.length(); length += 7) {
            bodies.add(text.substring(0, length).getBytes(StandardCharsets.UTF_8));
        }
        for (String raw : List.of("{", "}", "null", "[]", "[{}]", "{}", "0", "\"contact\"", "true", "{\"channel\":}",
                "{channel: 'PHONE'}", "{\"channel\":\"PHONE\",}", "{\"channel\":\"PHONE\" \"purpose\":\"INFORMATION\"}",
                "{\"channel\":\"PHONE\",\"channel\":\"CHAT_BOT\"}", "\uFEFF{}", "<contact/>", "channel=PHONE",
                "{\"channel\":NaN}", "{\"channel\":\"PHONE\"}{\"channel\":\"PHONE\"}", "/* */ {}")) {
            bodies.add(raw.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
        bodies.add(("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
        bodies.add(nestedIntoFirstValue(text, 2_000).getBytes(StandardCharsets.UTF_8));
        for (byte[] inserted : List.of(new byte[] {'a', (byte) 0xC3, (byte) 0x28, 'b'},
                new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {'a', 0x01, 'b'}, new byte[] {'a', '\n', 'b'}, new byte[] {'a', 0, 'b'},
                new byte[] {'a', 0x1b, '[', '3', '1', 'm'})) {
            bodies.add(intoFirstString(valid, inserted));
        }
        bodies.add(new byte[] {(byte) 0xC0, (byte) 0xAF, '{', '}'});
        return bodies;
    }

    private void contacts() {
        String url = intake + "/api/v1/contacts";
        String endpoint = "POST /api/v1/contacts";
        for (byte[] body : badContactBodies()) {
            add(endpoint, "POST", url, JSON_TYPE, body, Map.of(), "bad body");
        }
        byte[] valid = json(validContact());
        addOversized(endpoint, url, Map.of());
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream", "application/problem+json+evil")) {
            add(endpoint, "POST", url, type, valid, Map.of(), "content type " + type);
        }
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            add("* /api/v1/contacts", method, url, JSON_TYPE, valid, Map.of(), "wrong method");
        }
        add("* /api/v1/contacts", "GET", url, null, null, Map.of(), "no listing of personal data");
    }

    private void contactBatch() {
        String url = intake + "/api/v1/contacts:batch";
        String endpoint = "POST /api/v1/contacts:batch";
        List<byte[]> bodies = badContactBodies();
        for (int i = 0; i < bodies.size(); i += 3) {
            byte[] line = bodies.get(i);
            if (line.length > 1_000_000 || new String(line, StandardCharsets.UTF_8).contains("\n")) {
                continue;
            }
            attempts.add(new Attempt(endpoint, "POST", url, NDJSON_TYPE, line, Map.of(), "bad line",
                    HostileInputs::isRefusedBatch));
        }
        String bad = new String(json(with(validContact(), "channel", "FAX")), StandardCharsets.UTF_8);
        attempts.add(new Attempt(endpoint, "POST", url, NDJSON_TYPE, (bad + "\n").repeat(50).getBytes(StandardCharsets.UTF_8),
                Map.of(), "fifty bad lines", HostileInputs::isRefusedBatch));
        attempts.add(new Attempt(endpoint, "POST", url, NDJSON_TYPE, "\n\n\n".getBytes(StandardCharsets.UTF_8),
                Map.of(), "blank lines", HostileInputs::isRefusedBatch));
        attempts.add(new Attempt(endpoint, "POST", url, NDJSON_TYPE, new byte[0], Map.of(), "empty body",
                HostileInputs::isRefusedBatch));
        // Over the documented line limit: refused as a whole, or line by line (every line is bad anyway).
        attempts.add(new Attempt(endpoint, "POST", url, NDJSON_TYPE,
                (bad + "\n").repeat(20_001).getBytes(StandardCharsets.UTF_8), Map.of(), "too many lines",
                answer -> isRefusedBatch(answer) || isRefusedAsTooLarge(answer)));
        byte[] valid = json(validContact());
        for (String type : List.of(JSON_TYPE, "text/plain", "application/xml")) {
            add(endpoint, "POST", url, type, ("[" + new String(valid, StandardCharsets.UTF_8) + "]").getBytes(
                    StandardCharsets.UTF_8), Map.of(), "content type " + type);
        }
        for (String method : List.of("GET", "PUT", "DELETE")) {
            add(endpoint, method, url, NDJSON_TYPE, valid, Map.of(), "wrong method");
        }
    }

    private void contactRead() {
        String endpoint = "GET /api/v1/contacts/{id}";
        Map<String, String> reason = Map.of("X-Access-Reason", "hostile input test");
        for (String id : hostileIds()) {
            add(endpoint, "GET", intake + "/api/v1/contacts/" + path(id), null, null, reason, "bad or unknown id");
        }
        String existing = intake + "/api/v1/contacts/" + existingContactId;
        add(endpoint, "GET", existing, null, null, Map.of(), "no access reason");
        add(endpoint, "GET", existing, null, null, Map.of("X-Access-Reason", ""), "empty access reason");
        add(endpoint, "GET", existing, null, null, Map.of("X-Access-Reason", "   "), "blank access reason");
        add(endpoint, "GET", existing, null, null, Map.of("X-Access-Reason", "r".repeat(201)), "long access reason");
        for (String method : List.of("PUT", "DELETE", "PATCH", "POST")) {
            add(endpoint, method, existing, JSON_TYPE, "{}".getBytes(StandardCharsets.UTF_8), reason, "wrong method");
        }
    }

    private List<String> hostileIds() {
        return List.of("not-a-uuid", "1", "00000000-0000-0000-0000-00000000000g", UUID.randomUUID().toString(),
                UUID.randomUUID().toString().toUpperCase(), "' OR 1=1 --", "<script>alert(1)</script>", "..%2F..%2Fetc",
                "%00", "x".repeat(1_500), "\u0000", "\u202Eabc", "null", "../q/health");
    }

    // ------------------------------------------------------------------ cases

    private List<String> hostileReferences() {
        return List.of(unknownReference, unknownReference.toLowerCase(), "NOT-A-REFERENCE", "ABCD", "ABCD-EFGH-IJKL",
                "0000-0000", "' OR 1=1 --", "<script>", "x".repeat(1_500), "%00", "\u0000", "ÄÖÜÄ-ÖÜÄÖ", "null");
    }

    private void caseRead() {
        for (String reference : hostileReferences()) {
            add("GET /api/v1/cases/{reference}", "GET", cases + "/api/v1/cases/" + path(reference), null, null, Map.of(),
                    "bad or unknown reference");
        }
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            add("* /api/v1/cases/{reference}", method, cases + "/api/v1/cases/" + existingReference, JSON_TYPE,
                    "{}".getBytes(StandardCharsets.UTF_8), Map.of(), "wrong method");
        }
    }

    private void caseList() {
        List<String> queries = List.of("state=FOO", "state=requested%27--", "page=-1", "page=abc",
                "page=99999999999999999999", "size=0", "size=-5", "size=100000", "size=1.5", "state=REQUESTED&size=x",
                "page=" + "9".repeat(500));
        for (String query : queries) {
            add("GET /api/v1/cases", "GET", cases + "/api/v1/cases?" + query, null, null, Map.of(), "bad query");
        }
    }

    private static Map<String, Object> capturedCase() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", "IN_CUSTODY");
        body.put("mode", "CAPTURED");
        body.put("origin", "RU");
        return body;
    }

    private void caseOpen() {
        String url = cases + "/api/v1/cases";
        String endpoint = "POST /api/v1/cases";
        Map<String, String> officer = Map.of("X-Officer", "hostile-input-test");
        Map<String, List<Object>> wrong = new LinkedHashMap<>();
        wrong.put("state", List.of("", "FOO", "EXCHANGED", "RELEASED", "WITHDRAWN", "in_custody", 1, List.of()));
        wrong.put("mode", List.of("", "ESCAPED", "captured", 1, Map.of()));
        wrong.put("origin", List.of("", "XX", 1, List.of(), "<script>alert(1)</script>"));
        // Not a date before the launch: men were captured before the hotline existed.
        wrong.put("at", List.of("yesterday", "2999-01-01T00:00:00Z", "2022-13-01T00:00:00Z", "2022-02-30T10:00:00Z"));
        wrong.put("unknownField", List.of("x"));
        wrong.put("reference", List.of(unknownReference));
        wrong.forEach((field, values) -> values.forEach(value ->
                add(endpoint, "POST", url, JSON_TYPE, json(with(capturedCase(), field, value)), officer, "bad body")));
        addOversized(endpoint, url, officer);
        Map<String, Object> noMode = capturedCase();
        noMode.remove("mode");
        add(endpoint, "POST", url, JSON_TYPE, json(noMode), officer, "custody without mode");
        for (byte[] raw : rawBodies(json(capturedCase()))) {
            add(endpoint, "POST", url, JSON_TYPE, raw, officer, "raw body");
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            add(endpoint, "POST", url, type, json(capturedCase()), officer, "content type " + type);
        }
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            add("* /api/v1/cases", method, url, JSON_TYPE, json(capturedCase()), officer, "wrong method");
        }
    }

    private static Map<String, Object> transition(String to) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("reason", "hostile input test");
        return body;
    }

    /** The existing case is REQUESTED; none of these may move it. */
    private void caseTransitions() {
        String endpoint = "POST /api/v1/cases/{reference}/transitions";
        String url = cases + "/api/v1/cases/" + existingReference + "/transitions";
        Map<String, String> officer = Map.of("X-Officer", "hostile-input-test");
        for (String to : List.of("EXCHANGED", "RELEASED", "TRANSFERRED", "REQUESTED")) {
            add(endpoint, "POST", url, JSON_TYPE, json(transition(to)), officer, "refused move " + to);
        }
        Map<String, List<Object>> wrong = new LinkedHashMap<>();
        wrong.put("to", List.of(MISSING, "", "FOO", "verified", 1, List.of(), Map.of()));
        wrong.put("mode", List.of("ESCAPED", "", 1));
        wrong.put("at", List.of("", "yesterday", "2999-01-01T00:00:00Z", "2020-01-01T00:00:00Z", "2022-02-30T00:00:00Z",
                true));
        wrong.put("reason", List.of("r".repeat(100_000), List.of(), Map.of()));
        wrong.put("unknownField", List.of("x"));
        // Each mutation starts from a move the machine refuses, so even a lax parser changes nothing.
        wrong.forEach((field, values) -> values.forEach(value ->
                add(endpoint, "POST", url, JSON_TYPE, json(with(transition("EXCHANGED"), field, value)), officer,
                        "bad body")));
        for (byte[] raw : rawBodies(json(transition("EXCHANGED")))) {
            add(endpoint, "POST", url, JSON_TYPE, raw, officer, "raw body");
        }
        for (String reference : hostileReferences()) {
            add(endpoint, "POST", cases + "/api/v1/cases/" + path(reference) + "/transitions", JSON_TYPE,
                    json(transition("VERIFIED")), officer, "bad or unknown reference");
        }
        add(endpoint, "POST", url, "text/plain", json(transition("EXCHANGED")), officer, "wrong content type");
        add(endpoint, "POST", url, JSON_TYPE, json(transition("EXCHANGED")), Map.of("If-Match", "\"-1\""),
                "stale version");
        for (String method : List.of("GET", "PUT", "DELETE")) {
            add(endpoint, method, url, JSON_TYPE, json(transition("EXCHANGED")), officer, "wrong method");
        }
    }

    /** Care only while in custody, and the existing case is not: every care record is refused. */
    private void caseCare() {
        String endpoint = "POST /api/v1/cases/{reference}/care";
        String url = cases + "/api/v1/cases/" + existingReference + "/care";
        Map<String, String> officer = Map.of("X-Officer", "hostile-input-test");
        for (Object kind : List.of("MEDICAL_CARE", "CAPTURE_CARD_SENT", "FOO", "", 1, List.of())) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", kind);
            body.put("at", "2022-12-01T10:00:00Z");
            add(endpoint, "POST", url, JSON_TYPE, json(body), officer, "care out of custody or bad kind");
            body.put("at", "2999-01-01T00:00:00Z");
            add(endpoint, "POST", url, JSON_TYPE, json(body), officer, "far-future care");
            body.put("at", "2022-12-01T10:00:00Z");
            body.put("note", "n".repeat(100_000));
            add(endpoint, "POST", url, JSON_TYPE, json(body), officer, "over-long note");
        }
        for (byte[] raw : rawBodies(json(Map.of("kind", "MEDICAL_CARE", "at", "2022-12-01T10:00:00Z")))) {
            add(endpoint, "POST", url, JSON_TYPE, raw, officer, "raw body");
        }
        for (String reference : hostileReferences()) {
            add(endpoint, "POST", cases + "/api/v1/cases/" + path(reference) + "/care", JSON_TYPE,
                    json(Map.of("kind", "MEDICAL_CARE", "at", "2022-12-01T10:00:00Z")), officer, "unknown reference");
        }
    }

    private void caseHistoryAndOverdue() {
        for (String reference : hostileReferences()) {
            add("GET /api/v1/cases/{reference}/history", "GET", cases + "/api/v1/cases/" + path(reference) + "/history",
                    null, null, Map.of(), "bad or unknown reference");
        }
        for (String method : List.of("POST", "PUT", "DELETE")) {
            add("* /api/v1/cases/overdue", method, cases + "/api/v1/cases/overdue", JSON_TYPE,
                    "{}".getBytes(StandardCharsets.UTF_8), Map.of(), "wrong method");
            add("* /api/v1/cases/{reference}/history", method, cases + "/api/v1/cases/" + existingReference + "/history",
                    JSON_TYPE, "{}".getBytes(StandardCharsets.UTF_8), Map.of(), "wrong method");
        }
    }

    private void caseInquiryLink() {
        String endpoint = "POST /api/v1/cases/{reference}/inquiries/{id}";
        Map<String, String> officer = Map.of("X-Officer", "hostile-input-test");
        for (String id : hostileIds()) {
            add(endpoint, "POST", cases + "/api/v1/cases/" + existingReference + "/inquiries/" + path(id), null, null,
                    officer, "bad or unknown inquiry");
        }
        // The existing contact is a surrender request, not an open inquiry.
        add(endpoint, "POST", cases + "/api/v1/cases/" + existingReference + "/inquiries/" + existingContactId, null,
                null, officer, "not an inquiry");
        for (String reference : hostileReferences()) {
            add(endpoint, "POST", cases + "/api/v1/cases/" + path(reference) + "/inquiries/" + UUID.randomUUID(), null,
                    null, officer, "unknown reference");
        }
    }

    /** Never a valid read: a read of personal data is audited in intake, which would change state. */
    private void casePersonalData() {
        String endpoint = "GET /api/v1/cases/{reference}/contacts/{id}/personal-data";
        Map<String, String> authorised = Map.of("X-Officer", "hostile-input-test", "X-Access-Reason", "hostile test");
        for (String id : hostileIds()) {
            add(endpoint, "GET", cases + "/api/v1/cases/" + existingReference + "/contacts/" + path(id)
                    + "/personal-data", null, null, authorised, "bad or unknown contact");
        }
        for (String reference : hostileReferences()) {
            add(endpoint, "GET", cases + "/api/v1/cases/" + path(reference) + "/contacts/" + existingContactId
                    + "/personal-data", null, null, authorised, "bad or unknown reference");
        }
        String existing = cases + "/api/v1/cases/" + existingReference + "/contacts/" + existingContactId
                + "/personal-data";
        add(endpoint, "GET", existing, null, null, Map.of("X-Officer", "hostile-input-test"), "no access reason");
        // The officer is the token's subject now; what is left to refuse is a token without the role.
        add(endpoint, "GET", existing, null, null, Map.of("X-Access-Reason", "hostile test", "Authorization",
                "Bearer " + RunningHotline.trustedTokens().mint("hostile-operator", "operator")), "operator's token");
        for (String method : List.of("POST", "PUT", "DELETE")) {
            add(endpoint, method, existing, JSON_TYPE, "{}".getBytes(StandardCharsets.UTF_8), authorised,
                    "wrong method");
        }
    }

    private void inquiryList() {
        for (String query : List.of("open=maybe", "open=1x", "unsettled=perhaps", "open=%27--", "open=" + "t".repeat(500))) {
            add("GET /api/v1/inquiries", "GET", cases + "/api/v1/inquiries?" + query, null, null, Map.of(), "bad query");
        }
        for (String method : List.of("POST", "PUT", "DELETE")) {
            add("* /api/v1/inquiries", method, cases + "/api/v1/inquiries", JSON_TYPE,
                    "{}".getBytes(StandardCharsets.UTF_8), Map.of(), "wrong method");
        }
    }

    // ------------------------------------------------------------------ stats

    private void statsSeries(String path) {
        String endpoint = "GET " + path;
        Map<String, String> valid = new LinkedHashMap<>();
        valid.put("metric", "contacts");
        valid.put("granularity", "day");
        valid.put("from", "2022-12-01");
        valid.put("to", "2022-12-31");
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        wrong.put("metric", List.of(MISSING_PARAM, "", "FOO", "contacts' OR 1=1 --", "x".repeat(1_000)));
        wrong.put("granularity", List.of("year", "hour", "DAYS", "<script>"));
        wrong.put("from", List.of("", "yesterday", "2022-13-01", "2022-02-30", "01.12.2022", "-999999999-01-01",
                "2022-12-01T25:00:00Z"));
        wrong.put("to", List.of("", "2022-11-01", "+999999999-12-31", "2022-12-32", "tomorrow"));
        wrong.put("groupBy", List.of("caller", "callerKey", "notes", "origin,purpose"));
        wrong.forEach((name, values) -> values.forEach(value -> {
            Map<String, String> query = new LinkedHashMap<>(valid);
            if (value == MISSING_PARAM) {
                query.remove(name);
            } else {
                query.put(name, value);
            }
            add(endpoint, "GET", stats + path + "?" + query(query), null, null, Map.of(), "bad " + name);
        }));
        Map<String, String> huge = new LinkedHashMap<>(valid);
        huge.put("from", "1000-01-01");
        huge.put("to", "9999-12-31");
        add(endpoint, "GET", stats + path + "?" + query(huge), null, null, Map.of(), "too many buckets");
        for (String method : List.of("POST", "PUT", "DELETE")) {
            add("* " + path, method, stats + path + "?" + query(valid), JSON_TYPE, "{}".getBytes(StandardCharsets.UTF_8),
                    Map.of(), "wrong method");
        }
    }

    private static final String MISSING_PARAM = new String("missing");

    private void statsSummaries() {
        for (String path : List.of("/api/v1/stats/summary", "/api/v1/stats/public/summary")) {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                add("* " + path, method, stats + path, JSON_TYPE, "{}".getBytes(StandardCharsets.UTF_8), Map.of(),
                        "wrong method");
            }
        }
        for (String path : List.of("/api/v1/stats/nothing", "/api/v1/stats/series/extra", "/api/v1/stats/../../etc")) {
            add("GET unknown stats paths", "GET", stats + path.replace("..", "%2E%2E"), null, null, Map.of(),
                    "unknown path");
        }
    }

    // ------------------------------------------------------------------ helpers

    private void add(String endpoint, String method, String url, String contentType, byte[] body,
            Map<String, String> headers, String what) {
        attempts.add(new Attempt(endpoint, method, url, contentType, body, headers, what, HostileInputs::isProblem4xx));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
        Map<String, Object> copy = deepCopy(body);
        Map<String, Object> target = copy;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            Object inner = target.get(parts[i]);
            if (!(inner instanceof Map)) {
                inner = new LinkedHashMap<String, Object>();
                target.put(parts[i], inner);
            }
            target = (Map<String, Object>) inner;
        }
        if (value == MISSING) {
            target.remove(parts[parts.length - 1]);
        } else {
            target.put(parts[parts.length - 1], value);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> body) {
        Map<String, Object> copy = new LinkedHashMap<>();
        body.forEach((key, value) -> copy.put(key, value instanceof Map<?, ?> map
                ? deepCopy((Map<String, Object>) map) : value));
        return copy;
    }

    static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body with bytes put inside its first string value: the value becomes invalid text. */
    private static byte[] intoFirstString(byte[] body, byte[] inserted) {
        int at = new String(body, StandardCharsets.ISO_8859_1).indexOf(":\"") + 2;
        byte[] out = new byte[body.length + inserted.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(body, at, out, at + inserted.length, body.length - at);
        return out;
    }

    /** The body with its first value replaced by objects nested {@code depth} deep. */
    private static String nestedIntoFirstValue(String body, int depth) {
        int start = body.indexOf(":\"") + 1;
        int end = body.indexOf('"', start + 1) + 1;
        return body.substring(0, start) + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + body.substring(end);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static <T> List<T> concat(List<? extends T> first, List<? extends T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}

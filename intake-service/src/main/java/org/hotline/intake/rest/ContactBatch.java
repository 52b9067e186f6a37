package org.hotline.intake.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hotline.intake.ContactDraft;
import org.hotline.intake.RecordedContact;
import org.hotline.intake.config.IntakeConfig;
import org.hotline.intake.repository.IdempotencyKeys.StoredAnswer;
import org.hotline.intake.service.AnsweredRequests;
import org.hotline.intake.service.ContactService;
import org.hotline.intake.service.ContactService.CheckedDraft;
import org.hotline.intake.service.KeyReused;
import org.hotline.intake.service.KeyTaken;
import org.hotline.intake.service.KeyedRequest;
import org.hotline.intake.client.CaseLookupsThrottled;
import org.hotline.intake.service.UnknownCaseReference;
import org.hotline.problem.FieldErrors;
import org.hotline.problem.Problem;
import org.hotline.problem.ProblemException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

/**
 * A bulk import: each line is checked exactly as a single {@code POST} would be, and the
 * accepted ones are stored through the same {@link ContactService#storeAll} and outbox, a chunk
 * per transaction, in multi-row statements. With an idempotency key, each stored line's answer commits with its contact,
 * so a retried import (even after a crash half-way) stores every line once.
 */
@ApplicationScoped
public class ContactBatch {

    private static final Logger LOG = Logger.getLogger(ContactBatch.class);

    private final ContactService contacts;
    private final Validator validator;
    private final AnsweredRequests answers;
    private final ObjectReader lineReader;
    private final IntakeConfig config;

    public ContactBatch(ContactService contacts, Validator validator, AnsweredRequests answers,
            ObjectMapper json, IntakeConfig config) {
        this.contacts = contacts;
        this.validator = validator;
        this.answers = answers;
        // One contact per line: anything after it on the line is a mistake, not a second contact.
        this.lineReader = json.readerFor(NewContactRequest.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.config = config;
    }

    /** A line that was read and is valid, waiting for its chunk's reference check. */
    private record Parsed(int line, KeyedRequest keyed, ContactDraft draft) {
    }

    /** A line that passed every check, waiting for its chunk's transaction. */
    private record Pending(int line, KeyedRequest keyed, CheckedDraft draft) {
    }

    /**
     * @param keyed the whole import, if it came with an idempotency key; else null
     * @throws ProblemException (413) if the body holds more contacts than allowed
     */
    BatchResult run(byte[] body, KeyedRequest keyed) {
        List<byte[]> lines = linesOf(body);
        long contactLines = lines.stream().filter(line -> !isBlank(line)).count();
        if (contactLines > config.batch().maxLines()) {
            throw new ProblemException(Problem.of(413, "Content Too Large",
                    "A bulk import may hold at most " + config.batch().maxLines() + " contacts; this one has "
                            + contactLines + ". Split it.", List.of()));
        }
        if (contactLines == 0) {
            throw ProblemException.badRequest("The body holds no contact.",
                    List.of(new Problem.FieldError("body", "must hold one contact (JSON object) per line")));
        }
        // Each line's earlier answer (an import sent again), looked up for all lines at once.
        Map<Integer, KeyedRequest> keyedLines = new HashMap<>();
        if (keyed != null) {
            for (int i = 0; i < lines.size(); i++) {
                if (!isBlank(lines.get(i))) {
                    keyedLines.put(i + 1, keyed.part(i + 1, lines.get(i)));
                }
            }
        }
        Map<KeyedRequest, Optional<StoredAnswer>> earlier = answers.earlierAll(List.copyOf(keyedLines.values()));
        List<LineResult> results = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            if (isBlank(line)) {
                continue;
            }
            int number = i + 1;
            KeyedRequest keyedLine = keyedLines.get(number);
            if (keyedLine != null && earlier.containsKey(keyedLine)) {
                results.add(earlier.get(keyedLine).map(answer -> answers.bodyOf(answer, LineResult.class))
                        .orElseGet(() -> changedLine(number)));
                continue;
            }
            try {
                parsed.add(new Parsed(number, keyedLine, parse(line).toDraft()));
            } catch (ProblemException e) {
                results.add(LineResult.refused(number, e.problem()));
            }
            if (parsed.size() >= config.batch().chunkSize()) {
                results.addAll(checkAndStore(parsed));
                parsed.clear();
            }
        }
        results.addAll(checkAndStore(parsed));
        results.sort(Comparator.comparingInt(LineResult::line));
        return BatchResult.of(results);
    }

    /**
     * Checks the case references of a chunk's lines, those intake issued itself looked up in one
     * query (after the chunks before it were stored, so a line may name a reference an earlier
     * chunk of the same import was given), then stores the lines that pass.
     */
    private List<LineResult> checkAndStore(List<Parsed> parsed) {
        Set<String> issuedHere = contacts.issuedAmong(parsed.stream().map(Parsed::draft).toList());
        List<LineResult> results = new ArrayList<>();
        List<Pending> chunk = new ArrayList<>(parsed.size());
        for (Parsed line : parsed) {
            try {
                chunk.add(new Pending(line.line(), line.keyed(), contacts.check(line.draft(), issuedHere)));
            } catch (UnknownCaseReference e) {
                results.add(LineResult.refused(line.line(), IntakeRefusalMappers.problemOf(e)));
            } catch (CaseLookupsThrottled e) {
                results.add(LineResult.refused(line.line(), IntakeRefusalMappers.problemOf(e)));
            }
        }
        results.addAll(store(chunk));
        return results;
    }

    private NewContactRequest parse(byte[] line) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException e) {
            throw refusal(List.of(new Problem.FieldError("body", "is not valid UTF-8")));
        }
        NewContactRequest request;
        try {
            request = lineReader.readValue(text);
        } catch (JsonProcessingException e) {
            throw refusal(FieldErrors.of(e));
        }
        if (request == null) {
            throw refusal(List.of(new Problem.FieldError("body", "must be a JSON object")));
        }
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw refusal(FieldErrors.of(violations));
        }
        return request;
    }

    private static ProblemException refusal(List<Problem.FieldError> errors) {
        return ProblemException.badRequest("The line has invalid fields.", errors);
    }

    /**
     * Stores a chunk in one transaction, its contacts, events and answers each in one statement;
     * if that fails, line by line, so one bad line costs only itself.
     */
    private List<LineResult> store(List<Pending> chunk) {
        if (chunk.isEmpty()) {
            return List.of();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> storeAll(chunk));
        } catch (RuntimeException e) {
            LOG.warnf("A chunk of %d contacts could not be stored together (%s); storing them one by one",
                    chunk.size(), e.getClass().getSimpleName());
        }
        List<LineResult> results = new ArrayList<>();
        for (Pending pending : chunk) {
            try {
                results.add(QuarkusTransaction.requiringNew().call(() -> storeAll(List.of(pending))).get(0));
            } catch (KeyTaken e) {
                // The same import, retried concurrently, stored this line first.
                results.add(earlierResult(pending.line(), pending.keyed()).orElseThrow());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Line %d of a bulk import could not be stored", pending.line());
                results.add(LineResult.refused(pending.line(), 500,
                        List.of(new Problem.FieldError("body", "could not be stored; send this line again"))));
            }
        }
        return results;
    }

    private List<LineResult> storeAll(List<Pending> pending) {
        List<RecordedContact> recorded = contacts.storeAll(pending.stream().map(Pending::draft).toList());
        List<LineResult> results = new ArrayList<>(pending.size());
        List<AnsweredRequests.Answer> answered = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            ContactCreated created = ContactCreated.of(recorded.get(i));
            LineResult result = new LineResult(pending.get(i).line(), 201, created.id(), created.caseReference(),
                    created.referenceVerified(), List.of());
            results.add(result);
            if (pending.get(i).keyed() != null) {
                answered.add(new AnsweredRequests.Answer(pending.get(i).keyed(), 201, result,
                        "/api/v1/contacts/" + created.id()));
            }
        }
        if (!answered.isEmpty()) {
            answers.rememberAll(answered);
        }
        return results;
    }

    /** The result a line got in an earlier run of the same import, or a refusal if the line changed. */
    private Optional<LineResult> earlierResult(int line, KeyedRequest keyedLine) {
        try {
            return answers.earlier(keyedLine).map(answer -> answers.bodyOf(answer, LineResult.class));
        } catch (KeyReused e) {
            return Optional.of(changedLine(line));
        }
    }

    private static LineResult changedLine(int line) {
        return LineResult.refused(line, 422, List.of(new Problem.FieldError(IdempotencyKey.HEADER,
                "was used for an import whose line " + line + " was different; use a new key")));
    }

    private static List<byte[]> linesOf(byte[] body) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                lines.add(Arrays.copyOfRange(body, start, end));
                start = i + 1;
            }
        }
        return lines;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}

package org.hotline.cases;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.hotline.cases.rest.CaseHistoryView;
import org.hotline.cases.rest.CaseView;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.restassured.response.Response;

/** The case REST API as a client sees it. */
final class CaseApi {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private CaseApi() {
    }

    /** Reads a body with the same Java-time support as the service writes it. */
    static <T> T read(Response response, Class<T> type) {
        try {
            return JSON.readValue(response.asString(), type);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName() + ": " + response.asString(), e);
        }
    }

    /**
     * The history as the officer the case is assigned to reads it: it is assigned to the tests'
     * officer first ({@link Officers#assignToMe}), which raises its version once.
     */
    static CaseHistoryView history(String reference) {
        Officers.assignToMe(reference);
        Response response = given().get("/api/v1/cases/{reference}/history", reference);
        response.then().statusCode(200);
        return read(response, CaseHistoryView.class);
    }

    static Optional<CaseView> find(String reference) {
        Response response = given().get("/api/v1/cases/{reference}", reference);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        response.then().statusCode(200);
        try {
            return Optional.of(JSON.readValue(response.asString(), CaseView.class));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable case: " + response.asString(), e);
        }
    }

    /** Polls until the case the reference leads to is in the expected shape, and returns it. */
    static CaseView awaitCase(String reference, Predicate<CaseView> expected) {
        AtomicReference<CaseView> last = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Optional<CaseView> found = find(reference);
            found.ifPresent(last::set);
            return found.filter(expected).isPresent();
        });
        return last.get();
    }
}

package org.hotline.intake.rest;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.hotline.testing.BrowserProtections;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** What intake tells a browser: every answer protected, refusals too; no CORS grant to anyone. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
class HttpExposureTest {

    @Test
    void aRefusalCarriesTheProtectiveHeaders() {
        BrowserProtections.assertProtected(url("/api/v1/contacts/" + UUID.randomUUID()), 401, BrowserProtections.API_POLICY);
    }

    @Test
    void healthIsProtectedToo() {
        given().get("/q/health/live").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void noOriginIsGrantedCors() {
        BrowserProtections.assertCorsClosed(url("/api/v1/contacts"));
    }

    private static String url(String path) {
        return RestAssured.baseURI + ":" + RestAssured.port + path;
    }
}

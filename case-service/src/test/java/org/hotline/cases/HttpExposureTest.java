package org.hotline.cases;

import org.hotline.testing.BrowserProtections;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** What case-service tells a browser: every answer protected, refusals too; no CORS grant to anyone. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class HttpExposureTest {

    @Test
    void aRefusalCarriesTheProtectiveHeaders() {
        BrowserProtections.assertProtected(url("/api/v1/cases"), 401, BrowserProtections.API_POLICY);
    }

    @Test
    void noOriginIsGrantedCors() {
        BrowserProtections.assertCorsClosed(url("/api/v1/cases"));
    }

    private static String url(String path) {
        return RestAssured.baseURI + ":" + RestAssured.port + path;
    }
}

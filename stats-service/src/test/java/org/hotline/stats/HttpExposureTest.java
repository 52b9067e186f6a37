package org.hotline.stats;

import java.util.Map;

import org.hotline.problem.Roles;
import org.hotline.stack.Tokens;
import org.hotline.testing.BrowserProtections;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * What stats-service tells a browser. The dashboard is self-contained, so its policy allows this
 * service alone, for scripts, styles, images and fetches, and no inline code (DashboardTest shows
 * the page still works under it).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "stats"))
class HttpExposureTest {

    static final String DASHBOARD_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Test
    void theDashboardAndItsFilesCarryThePolicyAndFrameProtection() {
        BrowserProtections.assertProtected(url("/"), ANALYST, 200, DASHBOARD_POLICY);
        BrowserProtections.assertProtected(url("/dashboard.js"), 200, DASHBOARD_POLICY);
        BrowserProtections.assertProtected(url("/dashboard.css"), 200, DASHBOARD_POLICY);
        BrowserProtections.assertProtected(url("/signed-out.html"), 200, DASHBOARD_POLICY);
    }

    /**
     * The page needs a signed-in user: in production one without a session is sent to the identity
     * provider's login (system-tests' DashboardSignInIT, against a real Keycloak). These tests run
     * without a provider, so here it is refused; a bearer token opens it, as it does for curl.
     */
    @Test
    void theDashboardPageIsNotServedToAnyone() {
        BrowserProtections.assertProtected(url("/"), 401, DASHBOARD_POLICY);
        BrowserProtections.assertProtected(url("/index.html"), 401, DASHBOARD_POLICY);
        BrowserProtections.assertProtected(url("/index.html"), ANALYST, 200, DASHBOARD_POLICY);
    }

    @Test
    void apiAnswersAndRefusalsCarryThemToo() {
        BrowserProtections.assertProtected(url("/api/v1/stats/public/summary"), 200, DASHBOARD_POLICY);
        BrowserProtections.assertProtected(url("/api/v1/stats/summary"), 401, DASHBOARD_POLICY);
    }

    @Test
    void noOriginIsGrantedCors() {
        BrowserProtections.assertCorsClosed(url("/api/v1/stats/public/summary"));
        BrowserProtections.assertCorsClosed(url("/api/v1/admin/rebuild"));
    }

    private static final Map<String, String> ANALYST = Map.of("Authorization",
            Tokens.forTests().bearer("analyst-exposure", Roles.ANALYST));

    private static String url(String path) {
        return RestAssured.baseURI + ":" + RestAssured.port + path;
    }
}

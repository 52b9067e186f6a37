package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.hotline.system.RunningHotline.Hotline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Cookie;

/**
 * The ops dashboard signs in through the stack's real Keycloak (the realm of deploy/keycloak/), by
 * the OpenID Connect authorization code flow with PKCE: no session, no page; a signed-in analyst
 * sees the figures the API gives, on a session cookie a script cannot read; signing out ends the
 * session at Keycloak too.
 */
@ExtendWith(RunningHotline.class)
class DashboardSignInIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration PATIENCE = Duration.ofMinutes(1);

    @Test
    void withoutASessionThePageSendsTheBrowserToKeycloakWithAPkceChallenge(Hotline hotline) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(hotline.dashboardUrl())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(302);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(hotline.keycloak().realmUrl() + "/protocol/openid-connect/auth?");
        Map<String, String> query = query(location);
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", "ops-dashboard")
                .containsEntry("redirect_uri", hotline.dashboardUrl())
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("code_challenge", "state");
        assertThat(query.get("scope")).contains("openid");
        // The flow's state (and the PKCE verifier in it) waits in a cookie no script can read.
        assertThat(answer.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("q_auth").containsIgnoringCase("HttpOnly").containsIgnoringCase("Secure"));
    }

    @Test
    void theApiStillAnswersBearerTokensAndRefusesACallWithNeither(Hotline hotline) throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(
                URI.create(hotline.statsUrl() + "/api/v1/stats/summary")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        // RestAssured carries the system tests' bearer token.
        given().baseUri(hotline.statsUrl()).get("/api/v1/stats/summary").then().statusCode(200);
    }

    @Test
    void anAnalystSignsInAndSeesTheFiguresThenSignsOutAtKeycloakToo(Hotline hotline) {
        try (DashboardBrowser dashboard = DashboardBrowser.open(1280, 1000)) {
            dashboard.signIn(hotline.dashboardUrl(), "analyst", hotline.exampleUsersPassword());

            // Back on the page, with the code and state gone from the address.
            assertThat(dashboard.address()).isEqualTo(hotline.dashboardUrl());
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(dashboard.counter("contacts-total")).hasValue(contactsTotal(hotline)));
            assertThat(dashboard.cookies()).filteredOn(cookie -> cookie.getName().startsWith("q_session"))
                    .isNotEmpty()
                    .allSatisfy(cookie -> {
                        assertThat(cookie.isHttpOnly()).as("HttpOnly").isTrue();
                        assertThat(cookie.isSecure()).as("Secure").isTrue();
                        assertThat(cookie.getSameSite()).isEqualTo("Lax");
                    });

            dashboard.follow("sign-out");

            // Keycloak sends the browser back to the page that says so (with the logout's state).
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(dashboard.address()).startsWith(hotline.dashboardUrl() + "signed-out.html"));
            assertThat(dashboard.text("signed-out")).contains("You have signed out");
            assertThat(dashboard.cookies()).extracting(Cookie::getName).noneMatch(name -> name.startsWith("q_session"));
            // Keycloak's own session ended too: the page asks for the password again.
            dashboard.open(hotline.dashboardUrl());
            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(dashboard.address()).startsWith(hotline.keycloak().realmUrl()));
        }
    }

    @Test
    void aUserWithoutTheAnalystRoleIsToldSoAndShownNoFigures(Hotline hotline) {
        try (DashboardBrowser dashboard = DashboardBrowser.open(1280, 1000)) {
            dashboard.signIn(hotline.dashboardUrl(), "operator", hotline.exampleUsersPassword());

            await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(dashboard.text("session")).contains("does not hold the analyst role"));
            assertThat(dashboard.counter("contacts-total")).isEmpty();
        }
    }

    private static long contactsTotal(Hotline hotline) {
        return given().baseUri(hotline.statsUrl()).get("/api/v1/stats/summary")
                .then().statusCode(200)
                .extract().<Number>path("contacts.total").longValue();
    }

    private static Map<String, String> query(String url) {
        return Arrays.stream(URI.create(url).getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0],
                        pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }
}

package org.hotline.system;

import static io.restassured.RestAssured.given;

import org.hotline.system.RunningHotline.Hotline;

/** Reads figures from stats-service's API, as the ops room does. */
final class Stats {

    private Stats() {
    }

    static int dayTotal(Hotline hotline, String metric, String day) {
        return given().baseUri(hotline.statsUrl())
                .queryParam("metric", metric).queryParam("granularity", "day")
                .queryParam("from", day).queryParam("to", day)
                .get("/api/v1/stats/series")
                .then().statusCode(200)
                .extract().path("buckets[0].total");
    }

    static int casesInState(Hotline hotline, String state) {
        Integer count = given().baseUri(hotline.statsUrl()).get("/api/v1/stats/summary")
                .then().statusCode(200)
                .extract().path("cases.byState." + state);
        return count == null ? 0 : count;
    }
}

package org.hotline.intake.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import org.hotline.intake.FakeCaseService;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "intake"))
@WithTestResource(FakeCaseService.class)
class ReadinessTest {

    @Test
    void readinessCoversTheDatabaseAndTheOutboxAgeButNotKafkaDirectly() {
        // Intake keeps taking contacts while Kafka is away: that is what its outbox is for.
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "outbox age"))
                .body("checks.name", not(hasItems("Kafka connection health check")));
    }

    @Test
    void livenessAsksNeitherTheDatabaseNorTheOutbox() {
        given().get("/q/health/live").then()
                .statusCode(200)
                .body("checks.name", not(hasItems("Database connections health check")))
                .body("checks.name", not(hasItems("outbox age")));
    }
}

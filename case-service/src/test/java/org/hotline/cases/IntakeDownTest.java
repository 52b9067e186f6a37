package org.hotline.cases;

import static org.hamcrest.Matchers.equalTo;
import static org.hotline.cases.CaseApi.awaitCase;
import static org.hotline.cases.Contacts.newCallerKey;
import static org.hotline.cases.Contacts.newReference;
import static org.hotline.cases.Contacts.send;


import org.hotline.events.ContactRecorded;
import org.hotline.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.hotline.problem.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestSecurity(user = Officers.OFFICER, roles = Roles.CASE_OFFICER)
@TestProfile(OwnSettingsProfile.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "cases"))
class IntakeDownTest {

    @Test
    void personalDataWhileIntakeIsDownIsServiceUnavailableProblem() {
        String reference = newReference();
        ContactRecorded request = send(Contacts.surrenderRequest(newCallerKey(), reference));
        awaitCase(reference, c -> true);
        Officers.assignToMe(reference);

        PersonalDataTest.read(reference, request.contactId(), "to arrange his exchange")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503));
    }
}

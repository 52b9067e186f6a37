package org.hotline.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How {@code ./stack token ...} reads its words. */
class TokenRequestTest {

    @Test
    void aRoleAloneIsItsLocalSubjectForEveryService() {
        assertThat(TokenRequest.parse(List.of("analyst")))
                .isEqualTo(new TokenRequest(List.of("analyst"), "local-analyst", null, Tokens.EVERY_SERVICE));
    }

    @Test
    void subjectTeamAudienceAndSeveralRolesAreRead() {
        assertThat(TokenRequest.parse(List.of("case-officer", "officer-9", "--team", "north")))
                .isEqualTo(new TokenRequest(List.of("case-officer"), "officer-9", "north", Tokens.EVERY_SERVICE));
        assertThat(TokenRequest.parse(List.of("admin", "--for", "stats-service")))
                .isEqualTo(new TokenRequest(List.of("admin"), "local-admin", null, List.of("stats-service")));
        assertThat(TokenRequest.parse(List.of("analyst,case-officer")).roles()).containsExactly("analyst", "case-officer");
    }

    @Test
    void wordsThatAreNoRequestGetTheUsage() {
        for (List<String> words : List.of(List.<String>of(), List.of("pilot"), List.of("admin", "a", "b"),
                List.of("admin", "--for", "billing"), List.of("admin", "--team"))) {
            assertThatThrownBy(() -> TokenRequest.parse(words)).as("%s", words)
                    .isInstanceOf(StackFailure.class).hasMessageStartingWith("usage: ./stack token ROLE");
        }
    }
}

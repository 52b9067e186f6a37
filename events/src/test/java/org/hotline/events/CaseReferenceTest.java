package org.hotline.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CaseReferenceTest {

    @Test
    void generatedReferencesAreWellFormedAndReadAloudFriendly() {
        Random random = new Random(7);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String reference = CaseReference.generate(random, CaseReference.Issuer.INTAKE);
            assertThat(reference).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
            assertThat(CaseReference.normalize(reference)).contains(reference);
            seen.add(reference);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void typedVariantsNormalizeToTheCanonicalForm() {
        String reference = CaseReference.generate(new Random(1), CaseReference.Issuer.INTAKE);
        String plain = reference.replace("-", "");

        assertThat(CaseReference.normalize(plain.toLowerCase())).contains(reference);
        assertThat(CaseReference.normalize(" " + plain.substring(0, 4) + " " + plain.substring(4) + " ")).contains(reference);
    }

    @Test
    void everySingleWrongCharacterAndEverySwapIsCaught() {
        String plain = CaseReference.generate(new Random(3), CaseReference.Issuer.INTAKE).replace("-", "");
        for (int i = 0; i < plain.length(); i++) {
            for (char c : CaseReference.ALPHABET.toCharArray()) {
                if (c != plain.charAt(i)) {
                    String wrong = plain.substring(0, i) + c + plain.substring(i + 1);
                    assertThat(CaseReference.isWellFormed(wrong)).as(wrong).isFalse();
                }
            }
            if (i + 1 < plain.length() && plain.charAt(i) != plain.charAt(i + 1)) {
                String swapped = plain.substring(0, i) + plain.charAt(i + 1) + plain.charAt(i) + plain.substring(i + 2);
                assertThat(CaseReference.isWellFormed(swapped)).as(swapped).isFalse();
            }
        }
    }

    @Test
    void intakeAndCaseServiceNeverDrawTheSameReference() {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            String byIntake = CaseReference.generate(random, CaseReference.Issuer.INTAKE);
            String byCaseService = CaseReference.generate(random, CaseReference.Issuer.CASE_SERVICE);
            assertThat(CaseReference.Issuer.INTAKE.issued(byIntake)).isTrue();
            assertThat(CaseReference.Issuer.CASE_SERVICE.issued(byIntake)).isFalse();
            assertThat(CaseReference.Issuer.CASE_SERVICE.issued(byCaseService)).isTrue();
            assertThat(CaseReference.Issuer.INTAKE.issued(byCaseService)).isFalse();
        }
    }

    @Test
    void malformedInputIsNotAReference() {
        assertThat(CaseReference.normalize(null)).isEmpty();
        assertThat(CaseReference.normalize("")).isEmpty();
        assertThat(CaseReference.normalize("O1IL-0000")).isEmpty();
        assertThat(CaseReference.normalize("'; drop table cases;--")).isEmpty();
    }
}

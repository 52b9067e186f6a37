package org.hotline.intake.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CallerIdentifiersTest {

    static final CallerIdentifiers IN_RUSSIA = new CallerIdentifiers("RU");

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # The three spellings of one Russian mobile from the issue
            +7 912 345-67-89        | +79123456789
            79123456789             | +79123456789
            8 912 345 67 89         | +79123456789
            # More ways operators and web forms write Russian numbers
            +79123456789            | +79123456789
            +7 (912) 345-67-89      | +79123456789
            8 (912) 345-67-89       | +79123456789
            8-912-345-67-89         | +79123456789
            8(912)3456789           | +79123456789
            +7.912.345.67.89        | +79123456789
            '  +7 912 3456789  '    | +79123456789
            9123456789              | +79123456789
            +7 495 123-45-67        | +74951234567
            8 (495) 123-45-67       | +74951234567
            8 (812) 123 45 67       | +78121234567
            # Ukrainian numbers, as written in Ukraine and as dialled from Russia
            +380 67 123 4567        | +380671234567
            +38 (067) 123-45-67     | +380671234567
            +380671234567           | +380671234567
            +380 (44) 123-45-67     | +380441234567
            8 10 380 67 123 45 67   | +380671234567
            810380501234567         | +380501234567
            # Belarusian numbers
            +375 29 123-45-67       | +375291234567
            +375 (29) 1234567       | +375291234567
            +375291234567           | +375291234567
            +375 17 123-45-67       | +375171234567
            8 10 375 29 123 45 67   | +375291234567
            # Full-width digits, as some phone keyboards type them
            ＋７ ９１２ ３４５ ６７ ８９ | +79123456789
            """)
    void phoneNumbersBecomeE164(String typed, String normal) {
        assertThat(IN_RUSSIA.normalize(typed)).isEqualTo(normal);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            @Ivan_Petrov              | @ivan_petrov
            '  @IVAN_PETROV  '        | @ivan_petrov
            ＠Ｉｖａｎ＿Ｐｅｔｒｏｖ      | @ivan_petrov
            @Straße                   | @strasse
            @STRASSE                  | @strasse
            @Иван_Петров              | @иван_петров
            """)
    void handlesAreNfkcTrimmedAndCaseFolded(String typed, String normal) {
        assertThat(IN_RUSSIA.normalize(typed)).isEqualTo(normal);
    }

    @Test
    void handlesKeepTheirPunctuation() {
        assertThat(IN_RUSSIA.normalize("@ivan.petrov")).isNotEqualTo(IN_RUSSIA.normalize("@ivanpetrov"));
    }

    @Test
    void aNumberWithoutCountryCodeIsReadInTheDefaultRegion() {
        CallerIdentifiers inUkraine = new CallerIdentifiers("UA");

        assertThat(inUkraine.normalize("067 123 45 67")).isEqualTo("+380671234567");
        assertThat(IN_RUSSIA.normalize("8 912 345 67 89")).isEqualTo("+79123456789");
    }

    @Test
    void aNumberLibphonenumberCannotReadKeepsItsDigits() {
        assertThat(IN_RUSSIA.normalize("12")).isEqualTo("12");
    }

    @Test
    void anUnknownRegionIsRefused() {
        assertThatThrownBy(() -> new CallerIdentifiers("XX")).isInstanceOf(IllegalStateException.class);
    }
}

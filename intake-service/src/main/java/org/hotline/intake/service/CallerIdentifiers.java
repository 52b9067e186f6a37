package org.hotline.intake.service;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hotline.intake.config.CallerKeyConfig;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * One spelling per caller, so that one man calling twice gets one caller key however the operator
 * typed him. {@code +7 912 345-67-89}, {@code 79123456789} and {@code 8 912 345 67 89} are one
 * Russian mobile: phone numbers become E.164 ({@code +79123456789}) with libphonenumber, which
 * knows each country's trunk and international prefixes; a number typed without a country code
 * is read in the configured default region. Anything else is a messenger handle: Unicode NFKC
 * (full-width and compatibility forms become plain ones), trimmed and case-folded.
 */
@ApplicationScoped
public class CallerIdentifiers {

    /** Digits with the usual grouping and prefixes: {@code +7 (912) 345-67-89}. Handles have letters. */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9][0-9 .()\\-/]*");
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9+]");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    @Inject
    public CallerIdentifiers(CallerKeyConfig config) {
        this(config.defaultRegion());
    }

    CallerIdentifiers(String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
        if (!phones.getSupportedRegions().contains(this.defaultRegion)) {
            throw new IllegalStateException("hotline.caller-key.default-region must be a region code such as RU,"
                    + " not " + defaultRegion);
        }
    }

    public String normalize(String callerIdentifier) {
        String compatible = Normalizer.normalize(callerIdentifier, Normalizer.Form.NFKC).strip();
        if (PHONE_NUMBER.matcher(compatible).matches()) {
            return phoneNumber(compatible);
        }
        return caseFolded(compatible);
    }

    /**
     * E.164 when libphonenumber can read a possible number; otherwise the digits as typed, so that
     * an odd number still gets a stable key (it just cannot meet its other spellings).
     */
    private String phoneNumber(String typed) {
        try {
            PhoneNumber parsed = phones.parse(typed, defaultRegion);
            if (phones.isPossibleNumber(parsed)) {
                return phones.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // Not a number libphonenumber can read: fall through to the digits as typed.
        }
        return NOT_DIGIT.matcher(typed).replaceAll("");
    }

    /**
     * Java has no Unicode case folding; upper then lower case comes close enough for handles
     * ({@code ß} and {@code SS} meet, and so do the Greek final and medial sigma).
     */
    private static String caseFolded(String handle) {
        return handle.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}

package cn.yingji.directory;

import cn.yingji.shared.InvalidInputException;
import java.util.Locale;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码) per GB 32100-2015: 18 characters from {@code 0-9 A-H J-N P-R T-U
 * W-Y} (no I, O, Z, S, V), characters 3–8 the registering administration's division code (digits), the last one a
 * check character computed with modulus 31 over the first 17.
 *
 * @param value the code in upper case
 */
public record SocialCreditCode(String value) {

    /** The 31 characters of the code alphabet; a character's index is its numeric value. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public SocialCreditCode {
        Optional<String> problem = problem(value);
        if (problem.isPresent()) {
            throw InvalidInputException.field("creditCode", problem.get(), String.valueOf(value));
        }
    }

    /**
     * Parses a code, trimming blanks and upper-casing it.
     *
     * @throws InvalidInputException on field {@code creditCode} when the code is malformed or its check character
     *     is wrong
     */
    public static SocialCreditCode of(String text) {
        return new SocialCreditCode(normalise(text));
    }

    /** True when {@code text} (after trimming and upper-casing) is a valid code. */
    public static boolean isValid(String text) {
        return text != null && problem(normalise(text)).isEmpty();
    }

    /**
     * The check character for the first 17 characters of a code.
     *
     * @throws IllegalArgumentException when {@code first17} is not 17 characters of the code alphabet
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not in the code alphabet: " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    private static String normalise(String text) {
        return text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    }

    /** The message key of what is wrong with {@code code}, if anything. */
    private static Optional<String> problem(String code) {
        if (code == null || code.length() != 18) {
            return Optional.of("directory.error.creditCode.length");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("directory.error.creditCode.charset");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                return Optional.of("directory.error.creditCode.division");
            }
        }
        if (checkCharacter(code.substring(0, 17)) != code.charAt(17)) {
            return Optional.of("directory.error.creditCode.check");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}

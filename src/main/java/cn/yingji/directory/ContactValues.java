package cn.yingji.directory;

import cn.yingji.shared.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation and normalisation of contact values. Every method either returns the normalised value or throws
 * {@link InvalidInputException} with a field error on the given field name and a localised message key.
 */
public final class ContactValues {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-[2-9]\\d{6,7}(-\\d{1,6})?");
    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern WECHAT = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{5,19}");

    private ContactValues() {}

    /**
     * A mainland mobile number as 11 digits: accepts an optional {@code +86}, {@code 86} or {@code 0086} prefix and
     * blanks or dashes between digit groups, e.g. {@code +86 138-0013-8000} → {@code 13800138000}.
     */
    public static String mobile(String text, String field) {
        String digits = stripSeparators(text);
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        if (!MOBILE.matcher(digits).matches()) {
            throw InvalidInputException.field(field, "directory.error.mobile", String.valueOf(text));
        }
        return digits;
    }

    /**
     * A landline as {@code 区号-号码[-分机]}: area code 0 plus 2–3 digits, subscriber number of 7–8 digits not
     * starting with 0 or 1, optional extension; blanks are removed, e.g. {@code 0551-62345678}.
     */
    public static String landline(String text, String field) {
        String v = text == null ? "" : text.replaceAll("\\s+", "");
        if (!LANDLINE.matcher(v).matches() || !areaCodeLengthFits(v)) {
            throw InvalidInputException.field(field, "directory.error.landline", String.valueOf(text));
        }
        return v;
    }

    /** An e-mail address in lower case (at most 254 characters). */
    public static String email(String text, String field) {
        String v = text == null ? "" : text.trim();
        if (v.length() > 254 || !EMAIL.matcher(v).matches()) {
            throw InvalidInputException.field(field, "directory.error.email", String.valueOf(text));
        }
        return v.toLowerCase(Locale.ROOT);
    }

    /** A WeChat id: 6–20 letters, digits, '_' or '-', starting with a letter. */
    public static String wechat(String text, String field) {
        String v = text == null ? "" : text.trim();
        if (!WECHAT.matcher(v).matches()) {
            throw InvalidInputException.field(field, "directory.error.wechat", String.valueOf(text));
        }
        return v;
    }

    /** Validates and normalises {@code value} for a channel of {@code type}. */
    public static String normalise(ChannelType type, String value, String field) {
        return switch (type) {
            case MOBILE -> mobile(value, field);
            case LANDLINE -> landline(value, field);
            case EMAIL -> email(value, field);
            case WECHAT -> wechat(value, field);
            case OTHER -> {
                String v = value == null ? "" : value.trim();
                if (v.isEmpty() || v.length() > 200) {
                    throw InvalidInputException.field(field, "directory.error.channelOther");
                }
                yield v;
            }
        };
    }

    private static String stripSeparators(String text) {
        return text == null ? "" : text.replaceAll("[\\s\\-()]", "");
    }

    /** Three-digit area codes start with 01 or 02 (Beijing 010, Shanghai 021 …); all others have four digits. */
    private static boolean areaCodeLengthFits(String v) {
        String area = v.substring(0, v.indexOf('-'));
        boolean shortCode = v.charAt(1) == '1' || v.charAt(1) == '2';
        return shortCode ? area.length() == 3 : area.length() == 4;
    }
}

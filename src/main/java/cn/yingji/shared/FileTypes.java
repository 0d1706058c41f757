package cn.yingji.shared;

import org.jspecify.annotations.Nullable;

/**
 * The type of an uploaded file judged from its leading bytes, never from the name or the type the client declared
 * (a renamed script stays a script). Every module that accepts photos or evidence asks here.
 */
public final class FileTypes {

    private FileTypes() {}

    /** {@code image/jpeg}, {@code image/png}, {@code image/gif} or {@code image/webp}; null for anything else. */
    public static @Nullable String image(byte[] b) {
        if (b.length >= 4 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length >= 8
                && (b[0] & 0xff) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0d
                && b[5] == 0x0a
                && b[6] == 0x1a
                && b[7] == 0x0a) {
            return "image/png";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        if (b.length >= 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /** Evidence files: {@code application/pdf}, {@code image/jpeg} or {@code image/png}; null for anything else. */
    public static @Nullable String evidence(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        String image = image(b);
        return "image/jpeg".equals(image) || "image/png".equals(image) ? image : null;
    }
}

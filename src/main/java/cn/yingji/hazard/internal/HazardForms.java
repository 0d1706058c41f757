package cn.yingji.hazard.internal;

import cn.yingji.hazard.Assignment;
import cn.yingji.hazard.HazardCard;
import cn.yingji.hazard.HazardFilter;
import cn.yingji.hazard.HazardGrade;
import cn.yingji.hazard.HazardState;
import cn.yingji.hazard.NewHazard;
import cn.yingji.hazard.Photo;
import cn.yingji.hazard.StepInput;
import cn.yingji.shared.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** What the API and the pages post, as strings so bad input answers a field error instead of a binding failure. */
final class HazardForms {

    private HazardForms() {}

    /** A hazard report. */
    record ReportForm(
            @Nullable String title,
            @Nullable String description,
            @Nullable String grade,
            @Nullable String industry,
            @Nullable String lon,
            @Nullable String lat,
            @Nullable String address,
            @Nullable String reporterName,
            @Nullable String reporterPhone,
            @Nullable String enterpriseId,
            @Nullable String idempotencyKey) {

        static ReportForm empty() {
            return new ReportForm(null, null, null, null, null, null, null, null, null, null, null);
        }

        /** The form from request parameters of the same names. */
        static ReportForm from(java.util.function.Function<String, @Nullable String> parameter) {
            return new ReportForm(
                    parameter.apply("title"),
                    parameter.apply("description"),
                    parameter.apply("grade"),
                    parameter.apply("industry"),
                    parameter.apply("lon"),
                    parameter.apply("lat"),
                    parameter.apply("address"),
                    parameter.apply("reporterName"),
                    parameter.apply("reporterPhone"),
                    parameter.apply("enterpriseId"),
                    parameter.apply("idempotencyKey"));
        }

        NewHazard command() {
            return new NewHazard(
                    title,
                    description,
                    HazardForms.grade(grade, "grade"),
                    industry,
                    number(lon, "lon"),
                    number(lat, "lat"),
                    address,
                    reporterName,
                    reporterPhone,
                    uuid(enterpriseId, "enterpriseId"));
        }
    }

    /** Any lifecycle step. */
    record StepForm(
            @Nullable String note,
            @Nullable String lon,
            @Nullable String lat,
            @Nullable String grade,
            @Nullable String into,
            @Nullable String passed,
            @Nullable String responsible,
            @Nullable String measures,
            @Nullable String funds,
            @Nullable String deadline,
            @Nullable String contingencyPlan,
            @Nullable String enterpriseId) {

        StepInput input(@Nullable MultipartFile photo) {
            return new StepInput(note, number(lon, "lon"), number(lat, "lat"), photo(photo));
        }

        Assignment assignment() {
            BigDecimal f;
            try {
                f = funds == null || funds.isBlank() ? null : new BigDecimal(funds.strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.field("funds", "hazard.error.number");
            }
            LocalDate d;
            try {
                d = deadline == null || deadline.isBlank() ? null : LocalDate.parse(deadline.strip());
            } catch (DateTimeParseException e) {
                throw InvalidInputException.field("deadline", "hazard.error.date");
            }
            return new Assignment(
                    responsible,
                    measures,
                    f,
                    d,
                    contingencyPlan,
                    uuid(enterpriseId, "enterpriseId"),
                    HazardForms.grade(grade, "grade"));
        }

        boolean accepted() {
            return passed == null || passed.isBlank() || Boolean.parseBoolean(passed.strip());
        }
    }

    static HazardFilter filter(
            @Nullable String division,
            @Nullable String industry,
            @Nullable String state,
            @Nullable String grade,
            @Nullable String card,
            @Nullable String supervised,
            @Nullable String q) {
        return new HazardFilter(
                division,
                industry == null || industry.isBlank() ? null : industry,
                value(HazardState.class, state, "state"),
                grade(grade, "grade"),
                value(HazardCard.class, card, "card"),
                supervised == null || supervised.isBlank() ? null : Boolean.valueOf(supervised.strip()),
                q);
    }

    static @Nullable Photo photo(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return new Photo(String.valueOf(file.getOriginalFilename()), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static @Nullable HazardGrade grade(@Nullable String s, String field) {
        return value(HazardGrade.class, s, field);
    }

    static <E extends Enum<E>> @Nullable E value(Class<E> type, @Nullable String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field(field, "hazard.error.choice");
        }
    }

    static @Nullable Double number(@Nullable String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            throw InvalidInputException.field(field, "hazard.error.number");
        }
    }

    static @Nullable UUID uuid(@Nullable String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field(field, "hazard.error.reference");
        }
    }
}

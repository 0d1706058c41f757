package cn.yingji.incident;

import cn.yingji.shared.DomainException.FieldError;
import cn.yingji.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Casualties and losses of an event.
 *
 * @param deaths persons dead
 * @param missing persons missing (下落不明)
 * @param seriouslyInjured seriously injured, including acute industrial poisoning
 * @param trapped persons trapped
 * @param minorInjuries persons slightly injured
 * @param directLoss direct economic loss in yuan (two decimals at most)
 * @param forestArea burned forest area in hectares (森林火灾), zero otherwise
 */
public record Casualties(
        int deaths,
        int missing,
        int seriouslyInjured,
        int trapped,
        int minorInjuries,
        BigDecimal directLoss,
        BigDecimal forestArea) {

    public Casualties {
        directLoss = directLoss == null ? BigDecimal.ZERO : directLoss;
        forestArea = forestArea == null ? BigDecimal.ZERO : forestArea;
    }

    /** No casualties, no loss. */
    public static final Casualties NONE = new Casualties(0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

    /**
     * Checks every figure is non-negative and the money fits the column.
     *
     * @throws InvalidInputException listing every bad field
     */
    public void validate() {
        List<FieldError> errors = new ArrayList<>();
        nonNegative(errors, "deaths", deaths);
        nonNegative(errors, "missing", missing);
        nonNegative(errors, "seriouslyInjured", seriouslyInjured);
        nonNegative(errors, "trapped", trapped);
        nonNegative(errors, "minorInjuries", minorInjuries);
        if (directLoss.signum() < 0) {
            errors.add(new FieldError("directLoss", "incident.error.negative"));
        } else if (directLoss.scale() > 2 || directLoss.compareTo(new BigDecimal("9999999999999999")) > 0) {
            errors.add(new FieldError("directLoss", "incident.error.money"));
        }
        if (forestArea.signum() < 0) {
            errors.add(new FieldError("forestArea", "incident.error.negative"));
        } else if (forestArea.compareTo(new BigDecimal("1000000000")) > 0) {
            errors.add(new FieldError("forestArea", "incident.error.tooLarge"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("error.validation", errors);
        }
    }

    private static void nonNegative(List<FieldError> errors, String field, int value) {
        if (value < 0) {
            errors.add(new FieldError(field, "incident.error.negative"));
        }
    }
}

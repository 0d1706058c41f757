package cn.yingji.geo;

import cn.yingji.shared.InvalidInputException;

/**
 * A 12-digit statistical division code (统计用区划代码), e.g. {@code 340102001000}.
 *
 * @param value exactly twelve ASCII digits
 */
public record DivisionCode(String value) implements java.io.Serializable {

    public DivisionCode {
        if (value == null || !value.matches("\\d{12}")) {
            throw InvalidInputException.field("code", "geo.error.divisionCode", String.valueOf(value));
        }
    }

    public static DivisionCode of(String value) {
        return new DivisionCode(value == null ? null : value.trim());
    }

    @Override
    public String toString() {
        return value;
    }
}

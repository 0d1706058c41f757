package cn.yingji.command;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifier of a plan. */
public record PlanId(@JsonValue UUID value) implements java.io.Serializable {

    @Override
    public String toString() {
        return value.toString();
    }
}

package cn.yingji.command;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifier of a task. */
public record TaskId(@JsonValue UUID value) implements java.io.Serializable {

    @Override
    public String toString() {
        return value.toString();
    }
}

package cn.yingji.responsibility;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Identifier of one version of a duty or work list. */
public record DutyListId(@JsonValue UUID value) implements java.io.Serializable {

    @Override
    public String toString() {
        return value.toString();
    }
}

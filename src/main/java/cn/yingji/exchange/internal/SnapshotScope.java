package cn.yingji.exchange.internal;

import cn.yingji.identity.Jurisdiction;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Trims a shared snapshot to what a client may see. A row reaches a client when any of its places is in the
 * client's jurisdiction, but a warning for two districts must not tell one district's client which other
 * divisions it covers: the {@code divisionPaths} and the matching {@code divisionCodes} outside the jurisdiction
 * are dropped from the copy that is served.
 */
final class SnapshotScope {

    private SnapshotScope() {}

    static JsonNode visible(JsonNode snapshot, Jurisdiction jurisdiction) {
        if (!(snapshot instanceof ObjectNode object) || !(object.get("divisionPaths") instanceof ArrayNode paths)) {
            return snapshot;
        }
        JsonNode codes = object.get("divisionCodes");
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            if (jurisdiction.canView(paths.get(i).asString())) {
                keep.add(i);
            }
        }
        if (keep.size() == paths.size()) {
            return snapshot;
        }
        ObjectNode copy = object.deepCopy();
        ArrayNode keptPaths = copy.putArray("divisionPaths");
        ArrayNode keptCodes = codes instanceof ArrayNode ? copy.putArray("divisionCodes") : null;
        for (int i : keep) {
            keptPaths.add(paths.get(i));
            if (keptCodes != null && i < codes.size()) {
                keptCodes.add(codes.get(i));
            }
        }
        return copy;
    }
}

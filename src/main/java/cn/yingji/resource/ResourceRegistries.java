package cn.yingji.resource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes and lookups on the simple registries for other modules (bulk loaders, the demo city). Values are given as
 * text, as in an import file; every row is validated, jurisdiction-checked and audited like a form entry.
 */
public interface ResourceRegistries {

    /**
     * Registers one row.
     *
     * @param kind the registry
     * @param fields field name → text value (see {@link RegistryKind} for the names)
     * @return the new row's id
     * @throws cn.yingji.shared.InvalidInputException listing every invalid field
     */
    UUID register(RegistryKind kind, Map<String, String> fields);

    /** True when a visible row of the registry has exactly this title (name, or item for stock). */
    boolean exists(RegistryKind kind, String title);

    /**
     * The visible rows of a registry that have a place (lon and lat), by title, at most {@code limit}; for map layers
     * and GeoJSON exports of other modules. With a signed-in user only rows inside the user's view jurisdiction.
     */
    List<RegistryRow> placed(RegistryKind kind, int limit);
}

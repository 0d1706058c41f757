package cn.yingji.resource.internal;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Description of one simple registry (equipment, warehouses, stock, shelters, experts): its table, fields with their
 * validation, and how its rows are placed (own coordinates, a parent's place, or a division code). The generic store,
 * service, pages, import and export are driven by it; the SQL is built from these constants only.
 *
 * @param slug URL segment, e.g. {@code equipment}
 * @param table table name in schema {@code resource}
 * @param fields editable fields, in form and file order
 * @param titleField field shown as the row's title
 * @param parent how the row is placed when it belongs to a parent row (team or warehouse), else null
 * @param mapped true when rows have coordinates to draw on the map
 */
record Registry(
        String slug,
        String table,
        List<Field> fields,
        String titleField,
        @Nullable Parent parent,
        boolean mapped) {

    /** Field types. */
    enum Type {
        TEXT,
        INT,
        DECIMAL,
        DATE,
        BOOL,
        ENUM,
        CAPABILITY,
        CATEGORY,
        LON,
        LAT,
        PARENT
    }

    /**
     * One editable field.
     *
     * @param name field and file column name
     * @param column SQL column
     * @param type type
     * @param required true when required
     * @param max maximum text length
     * @param options allowed values of an {@link Type#ENUM}
     */
    record Field(String name, String column, Type type, boolean required, int max, List<String> options) {

        static Field text(String name, String column, boolean required, int max) {
            return new Field(name, column, Type.TEXT, required, max, List.of());
        }

        static Field of(String name, String column, Type type, boolean required) {
            return new Field(name, column, type, required, 0, List.of());
        }

        static Field choice(String name, String column, boolean required, List<String> options) {
            return new Field(name, column, Type.ENUM, required, 0, options);
        }
    }

    /**
     * A parent row whose division path (and, for the map, location) the row inherits.
     *
     * @param field the field holding the parent id
     * @param table parent table
     * @param required true when every row has a parent
     */
    record Parent(String field, String table, boolean required) {}

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public List<String> columns() {
        return fields.stream().map(Field::name).toList();
    }

    static final Registry EQUIPMENT = new Registry(
            "equipment",
            "equipment",
            List.of(
                    Field.text("name", "name", true, 200),
                    Field.of("category", "category", Type.CATEGORY, true),
                    Field.text("model", "model", false, 100),
                    Field.of("quantity", "quantity", Type.INT, true),
                    Field.choice("state", "state", true, List.of("IN_SERVICE", "MAINTENANCE", "RETIRED")),
                    Field.of("teamId", "team_id", Type.PARENT, false),
                    Field.of("lon", "lon", Type.LON, false),
                    Field.of("lat", "lat", Type.LAT, false),
                    Field.text("divisionCode", "", false, 12)),
            "name",
            new Parent("teamId", "teams", false),
            true);

    static final Registry WAREHOUSES = new Registry(
            "warehouses",
            "warehouses",
            List.of(
                    Field.text("name", "name", true, 200),
                    Field.text("address", "address", false, 300),
                    Field.text("manager", "manager", false, 100),
                    Field.text("phone", "phone", false, 40),
                    Field.of("lon", "lon", Type.LON, true),
                    Field.of("lat", "lat", Type.LAT, true),
                    Field.text("divisionCode", "", false, 12)),
            "name",
            null,
            true);

    static final Registry STOCK = new Registry(
            "stock",
            "stock",
            List.of(
                    Field.of("warehouseId", "warehouse_id", Type.PARENT, true),
                    Field.text("item", "item", true, 200),
                    Field.text("unit", "unit", true, 20),
                    Field.text("batch", "batch", true, 100),
                    Field.of("quantity", "quantity", Type.INT, true),
                    Field.of("minLevel", "min_level", Type.INT, false),
                    Field.of("expiresOn", "expires_on", Type.DATE, false)),
            "item",
            new Parent("warehouseId", "warehouses", true),
            true);

    static final Registry SHELTERS = new Registry(
            "shelters",
            "shelters",
            List.of(
                    Field.text("name", "name", true, 200),
                    Field.choice("level", "level", true, List.of("PROVINCE", "CITY", "COUNTY", "TOWNSHIP", "VILLAGE")),
                    Field.choice("duration", "duration", true, List.of("EMERGENCY", "SHORT_TERM", "LONG_TERM")),
                    Field.of("indoor", "indoor", Type.BOOL, false),
                    Field.of("capacity", "capacity", Type.INT, true),
                    Field.of("areaM2", "area_m2", Type.DECIMAL, false),
                    Field.text("address", "address", false, 300),
                    Field.of("lon", "lon", Type.LON, true),
                    Field.of("lat", "lat", Type.LAT, true),
                    Field.text("divisionCode", "", false, 12)),
            "name",
            null,
            true);

    static final Registry EXPERTS = new Registry(
            "experts",
            "experts",
            List.of(
                    Field.text("name", "name", true, 100),
                    Field.of("specialty", "specialty", Type.CAPABILITY, true),
                    Field.text("title", "title", false, 100),
                    Field.text("organisation", "organisation", false, 200),
                    Field.text("phone", "phone", false, 40),
                    Field.of("lon", "lon", Type.LON, false),
                    Field.of("lat", "lat", Type.LAT, false),
                    Field.text("divisionCode", "", false, 12)),
            "name",
            null,
            true);

    static final Registry BASES = new Registry(
            "bases",
            "bases",
            List.of(
                    Field.text("name", "name", true, 200),
                    Field.choice(
                            "baseKind", "kind", true, List.of("COMPREHENSIVE", "PROFESSIONAL", "AVIATION", "REGIONAL")),
                    Field.text("address", "address", false, 300),
                    Field.of("areaM2", "area_m2", Type.DECIMAL, false),
                    Field.of("lon", "lon", Type.LON, true),
                    Field.of("lat", "lat", Type.LAT, true),
                    Field.text("divisionCode", "", false, 12)),
            "name",
            null,
            true);

    static final Registry LANDING_POINTS = new Registry(
            "landing-points",
            "landing_points",
            List.of(
                    Field.text("name", "name", true, 200),
                    Field.choice("pointKind", "kind", true, List.of("HELIPORT", "HELIPAD", "TEMPORARY", "AIRPORT")),
                    Field.of("night", "night", Type.BOOL, false),
                    Field.of("maxWeightT", "max_weight_t", Type.DECIMAL, false),
                    Field.text("address", "address", false, 300),
                    Field.of("lon", "lon", Type.LON, true),
                    Field.of("lat", "lat", Type.LAT, true),
                    Field.text("divisionCode", "", false, 12)),
            "name",
            null,
            true);

    static final List<Registry> ALL = List.of(EQUIPMENT, WAREHOUSES, STOCK, SHELTERS, EXPERTS, BASES, LANDING_POINTS);

    static Optional<Registry> bySlug(String slug) {
        return ALL.stream().filter(r -> r.slug().equals(slug)).findFirst();
    }
}

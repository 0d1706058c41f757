package cn.yingji.resource;

/**
 * The simple registries of the rescue-force system, each with its fields (file and form column names):
 *
 * <ul>
 *   <li>{@link #EQUIPMENT}: name, category, model, quantity, state, teamId, lon, lat, divisionCode;
 *   <li>{@link #WAREHOUSES}: name, address, manager, phone, lon, lat, divisionCode;
 *   <li>{@link #STOCK}: warehouseId, item, unit, batch, quantity, minLevel, expiresOn;
 *   <li>{@link #SHELTERS}: name, level, duration, indoor, capacity, areaM2, address, lon, lat, divisionCode;
 *   <li>{@link #EXPERTS}: name, specialty, title, organisation, phone, lon, lat, divisionCode;
 *   <li>{@link #BASES}: name, baseKind, address, areaM2, lon, lat, divisionCode;
 *   <li>{@link #LANDING_POINTS}: name, pointKind, night, maxWeightT, address, lon, lat, divisionCode.
 * </ul>
 */
public enum RegistryKind {
    EQUIPMENT("equipment"),
    WAREHOUSES("warehouses"),
    STOCK("stock"),
    SHELTERS("shelters"),
    EXPERTS("experts"),
    BASES("bases"),
    LANDING_POINTS("landing-points");

    private final String slug;

    RegistryKind(String slug) {
        this.slug = slug;
    }

    /** The URL segment of the registry, e.g. {@code landing-points}. */
    public String slug() {
        return slug;
    }
}

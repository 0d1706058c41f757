package cn.yingji.geo;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the division tree and grids for other modules. These lookups do not apply the caller's
 * jurisdiction: callers use the returned paths to scope their own data.
 */
public interface Divisions {

    /** The division with this code, if any. */
    Optional<Division> find(DivisionCode code);

    /** The grid with this code, if any. */
    Optional<Grid> findGrid(String gridCode);

    /** Direct children of a division, ordered by code. */
    List<Division> children(DivisionCode code);

    /** The division whose path is exactly {@code path}, or the grid's village when the path ends in a grid. */
    Optional<Division> byPath(String path);

    /** The root division (the city), if the tree has been loaded. */
    Optional<Division> root();

    /**
     * Where the WGS-84 point (longitude, latitude) lies, answered from the in-memory spatial index. Empty when the
     * point lies outside every division with a geometry.
     */
    Optional<Location> locate(double lon, double lat);

    /** Every grid whose path lies under {@code pathPrefix} (a division path ending in {@code /}), by code. */
    java.util.List<Grid> gridsUnder(String pathPrefix);
}

package cn.yingji.geo;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a point lies.
 *
 * @param chain divisions containing the point, from the city down to the deepest level found
 * @param grid the grid containing the point, if any
 */
public record Location(List<Division> chain, @Nullable Grid grid) {

    public Location {
        chain = List.copyOf(chain);
    }

    /** The most specific path: the grid's if found, else the deepest division's. */
    public String path() {
        if (grid != null) {
            return grid.path();
        }
        return chain.isEmpty() ? "/" : chain.get(chain.size() - 1).path();
    }
}

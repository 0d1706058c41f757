package cn.yingji.geo.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.geo.Grid;
import cn.yingji.identity.DivisionLookup;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Lets identity resolve the division codes an administrator types as scopes without depending on geo (geo
 * already depends on identity). Grid codes resolve to the grid's path, so a grid worker can be scoped to a grid.
 */
@Component
class IdentityDivisionLookup implements DivisionLookup {

    private final Divisions divisions;

    IdentityDivisionLookup(Divisions divisions) {
        this.divisions = divisions;
    }

    @Override
    public Optional<String> pathOf(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim();
        if (c.matches("\\d{12}")) {
            return divisions.find(DivisionCode.of(c)).map(Division::path);
        }
        if (c.matches("\\d{15}")) {
            return divisions.findGrid(c).map(Grid::path);
        }
        return Optional.empty();
    }
}

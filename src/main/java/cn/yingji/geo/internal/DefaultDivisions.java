package cn.yingji.geo.internal;

import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.geo.Grid;
import cn.yingji.geo.Location;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * {@link Divisions} answered from the in-memory {@link GeoSnapshot}: no database round trip per call. The snapshot
 * follows writes on this node immediately and writes on other nodes within the refresh interval.
 */
@Service
class DefaultDivisions implements Divisions {

    private final GeoIndex index;
    private final String rootCode;

    DefaultDivisions(GeoIndex index, @Value("${yingji.geo.root-code:340100000000}") String rootCode) {
        this.index = index;
        this.rootCode = rootCode.trim();
    }

    @Override
    public Optional<Division> find(DivisionCode code) {
        return index.snapshot().find(code.value());
    }

    @Override
    public Optional<Grid> findGrid(String gridCode) {
        return gridCode == null ? Optional.empty() : index.snapshot().findGrid(gridCode.trim());
    }

    @Override
    public List<Grid> gridsUnder(String pathPrefix) {
        return pathPrefix == null || pathPrefix.isEmpty()
                ? List.of()
                : index.snapshot().gridsUnder(pathPrefix);
    }

    @Override
    public List<Division> children(DivisionCode code) {
        return index.snapshot().children(code.value());
    }

    @Override
    public Optional<Division> byPath(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        GeoSnapshot s = index.snapshot();
        Optional<Division> exact = s.byPath(path);
        if (exact.isPresent()) {
            return exact;
        }
        // A grid path: the village is the path without its last segment.
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String grid = trimmed.substring(slash + 1);
        return s.findGrid(grid)
                .filter(g -> g.path().equals(trimmed + "/"))
                .flatMap(g -> s.find(g.village().value()));
    }

    /**
     * The configured root ({@code yingji.geo.root-code}) when it exists, else the only city, else (several test or
     * neighbouring cities loaded) the city with the smallest code.
     */
    @Override
    public Optional<Division> root() {
        GeoSnapshot s = index.snapshot();
        Optional<Division> configured = s.find(rootCode);
        if (configured.isPresent() && configured.get().parent() == null) {
            return configured;
        }
        return s.cities().stream().findFirst();
    }

    @Override
    public Optional<Location> locate(double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
            return Optional.empty();
        }
        return index.snapshot().locate(lon, lat);
    }
}

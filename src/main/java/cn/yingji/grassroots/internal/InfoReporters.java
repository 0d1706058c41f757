package cn.yingji.grassroots.internal;

import cn.yingji.directory.Directory;
import cn.yingji.directory.Holding;
import cn.yingji.directory.PositionKinds;
import cn.yingji.geo.Division;
import cn.yingji.geo.DivisionCode;
import cn.yingji.geo.Divisions;
import cn.yingji.identity.CurrentUser;
import cn.yingji.shared.InvalidInputException;
import cn.yingji.shared.NotFoundException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Village information reporters (信息员, 突发事件应对法 Art. 60) are positions of kind {@code INFO_REPORTER} in the
 * directory, one per village or community; this shows, for a township, who holds them and which villages have none.
 */
@Service
class InfoReporters {

    private final Directory directory;
    private final Divisions divisions;
    private final CurrentUser currentUser;

    InfoReporters(Directory directory, Divisions divisions, CurrentUser currentUser) {
        this.directory = directory;
        this.divisions = divisions;
        this.currentUser = currentUser;
    }

    /**
     * One village.
     *
     * @param code village code
     * @param name name
     * @param reporters current holders of its information-reporter position(s)
     */
    record Village(String code, String name, List<String> reporters) {}

    @Transactional(readOnly = true)
    List<Village> forTownship(@Nullable String townshipCode) {
        String code = townshipCode == null || townshipCode.isBlank() ? null : townshipCode.strip();
        Division township;
        if (code == null) {
            township = currentUser
                    .get()
                    .flatMap(a -> a.jurisdiction().capture().stream().findFirst())
                    .flatMap(this::townshipOf)
                    .orElse(null);
            if (township == null) {
                return List.of();
            }
        } else {
            try {
                township = divisions
                        .find(DivisionCode.of(code))
                        .orElseThrow(() -> new NotFoundException("division", code));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.field("township", "grassroots.error.division", code);
            }
        }
        if (currentUser.get().isPresent()
                && !currentUser.require().jurisdiction().canView(township.path())) {
            throw new NotFoundException("division", township.code().value());
        }
        return divisions.children(township.code()).stream()
                .map(v -> new Village(
                        v.code().value(),
                        v.name(),
                        directory.holdersAt(v.path(), PositionKinds.INFO_REPORTER).stream()
                                .map(Holding::personName)
                                .distinct()
                                .toList()))
                .toList();
    }

    /** The township a path lies in (its first three segments), if any. */
    private java.util.Optional<Division> townshipOf(String path) {
        String[] parts = path.split("/");
        if (parts.length < 4) {
            return java.util.Optional.empty();
        }
        return divisions.byPath("/" + parts[1] + "/" + parts[2] + "/" + parts[3] + "/");
    }
}

package cn.yingji.risk;

import org.jspecify.annotations.Nullable;

/**
 * Risk points of one division or grid, for the four-colour map.
 *
 * @param code division code or grid code
 * @param red points currently red
 * @param orange points currently orange
 * @param yellow points currently yellow
 * @param blue points currently blue
 * @param unassessed points never assessed
 * @param highest the most severe colour present, null when nothing is assessed
 */
public record RiskMapCell(
        String code,
        long red,
        long orange,
        long yellow,
        long blue,
        long unassessed,
        @Nullable RiskColour highest) {}

package cn.yingji.geo;

/**
 * A grid (网格): the smallest unit of grassroots management, below a village or community.
 *
 * @param code grid code: the village code followed by a three-digit serial, e.g. {@code 340102001001007}
 * @param name display name
 * @param village the village or community the grid belongs to
 * @param path the village's path followed by the grid code, e.g. {@code /…/340102001001/340102001001007/}
 */
public record Grid(String code, String name, DivisionCode village, String path) implements java.io.Serializable {}

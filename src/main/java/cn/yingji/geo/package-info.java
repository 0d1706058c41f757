/**
 * Where things are: administrative divisions with 12-digit statistical codes and materialised paths, grids (网格)
 * below villages, their geometry, GeoJSON import and export, and the in-memory point → (division chain, grid)
 * index. Other modules store a division path on every row that belongs to a place and ask this module where a
 * point lies; they never read its tables.
 */
@ApplicationModule(displayName = "Geo")
@NullMarked
package cn.yingji.geo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

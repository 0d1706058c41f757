/**
 * Who is who: organisations (government departments, enterprises with a validated unified social credit code,
 * rescue organisations), persons with their contact channels, positions (岗位) bound to a division or an
 * organisation and the persons holding them over time, and the duty roster (值班表: shifts, who is on duty now,
 * handover notes). Does not hold user accounts (see {@code identity}), duty lists (see {@code responsibility}) nor
 * rescue teams (see {@code resource}).
 */
@ApplicationModule(
        displayName = "Directory",
        allowedDependencies = {"shared", "identity", "geo", "portal"})
@NullMarked
package cn.yingji.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

package cn.yingji.support;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Imports production classes only, whatever the build directory is called (ArchUnit's own
 * {@code DoNotIncludeTests} only recognises {@code target/test-classes}).
 */
public final class MainClassesOnly implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return !location.contains("/test-classes/") && !location.contains("/jmh-classes/");
    }
}

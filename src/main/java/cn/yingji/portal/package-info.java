/**
 * The web shell: layout, navigation over the five systems and the command centre, the home page, language
 * switching and the per-system landing pages. Owns no data; pages of other modules plug into its navigation.
 */
@ApplicationModule(displayName = "Portal")
@NullMarked
package cn.yingji.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

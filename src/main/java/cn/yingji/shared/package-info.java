/**
 * Platform plumbing every module may use: the embedded PostgreSQL, error types that become localised RFC 9457
 * problems, paging, and the web shell's common model. Holds no domain concepts of its own.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package cn.yingji.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

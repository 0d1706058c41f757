/**
 * The live command centre (指挥中心): one screen over the active events, their grades and the reporting clocks
 * about to expire, pushed to the browser by Server-Sent Events when another module reports a change. Reads other
 * modules through their facades and owns no data of its own.
 */
@ApplicationModule(displayName = "Command centre")
@NullMarked
package cn.yingji.centre;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

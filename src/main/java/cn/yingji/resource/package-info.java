/**
 * Rescue forces (救援力量体系): rescue teams by kind with a primary specialty and further capabilities ("一专多能"),
 * their members and certified skills, equipment, warehouses with stock by batch, shelters and experts; live team
 * status with history and position pings; the dispatch recommendation for an event and the dispatch itself, which
 * publishes {@link cn.yingji.resource.TeamDispatched} and {@link cn.yingji.resource.TeamStatusChanged}. Does not hold
 * events (see {@code incident}) nor the tasks created from a dispatch (see {@code command}).
 */
@ApplicationModule(
        displayName = "Resource",
        allowedDependencies = {"shared", "identity", "geo", "directory", "incident", "portal"})
@NullMarked
package cn.yingji.resource;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

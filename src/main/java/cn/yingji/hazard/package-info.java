/**
 * Hidden hazards (隐患排查治理, 安全生产法 Art. 41; 安监总局令第16号): reports from residents (随手拍, anonymous with a
 * follow-up code), grid workers (offline queue with idempotency keys), enterprise self-inspection and inspectors;
 * ordinary (一般) or major (重大) grade; verification, assignment with the five implementations (五落实), rectification
 * with evidence, acceptance by someone other than the rectifier and closure (销号), or rejection / merge as a
 * duplicate. Major hazards are listed for supervision (挂牌督办) by the level above; overdue rectification raises
 * yellow and red cards and escalates. Publishes {@link cn.yingji.hazard.HazardReported} and
 * {@link cn.yingji.hazard.HazardCardRaised}. Risk points and major hazard sources live in {@code risk}.
 */
@ApplicationModule(
        displayName = "Hazard",
        allowedDependencies = {"shared", "identity", "geo", "directory", "grassroots", "responsibility"})
@NullMarked
package cn.yingji.hazard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

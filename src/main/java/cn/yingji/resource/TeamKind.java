package cn.yingji.resource;

/**
 * Kinds of rescue teams (突发事件应对法 Art. 39; 生产安全事故应急条例 Art. 9–10): the national comprehensive fire and
 * rescue force, professional teams by industry, enterprise full-time teams, aviation, militia and registered social
 * emergency forces.
 */
public enum TeamKind {
    /** 国家综合性消防救援队伍. */
    NATIONAL_FIRE_RESCUE,
    /** 矿山专业救援队. */
    PRO_MINING,
    /** 危险化学品专业救援队. */
    PRO_HAZCHEM,
    /** 隧道与工程抢险专业队. */
    PRO_TUNNEL,
    /** 水域与抗洪抢险专业队. */
    PRO_WATER,
    /** 电力抢修专业队. */
    PRO_POWER,
    /** 通信保障专业队. */
    PRO_COMMS,
    /** 医疗救护专业队. */
    PRO_MEDICAL,
    /** 地震与建筑物倒塌搜救专业队. */
    PRO_EARTHQUAKE,
    /** 森林消防专业队. */
    PRO_FOREST_FIRE,
    /** 企业专职救援队. */
    ENTERPRISE,
    /** 航空救援. */
    AVIATION,
    /** 民兵应急队伍. */
    MILITIA,
    /** 社会应急力量 (registered). */
    SOCIAL
}

package cn.yingji.risk;

/** The level that controls a risk (分级管控): company, workshop, team or post. */
public enum ControlLevel {
    /** 公司（厂）级. */
    COMPANY,
    /** 车间（部门）级. */
    WORKSHOP,
    /** 班组级. */
    TEAM,
    /** 岗位级. */
    POST
}

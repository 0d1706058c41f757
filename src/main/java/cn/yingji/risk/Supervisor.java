package cn.yingji.risk;

/**
 * A department supervising an enterprise, found through the 三管三必须 matrix from its industry.
 *
 * @param department the department
 * @param ground why: INDUSTRY (管行业), BUSINESS (管业务) or PRODUCTION (管生产经营)
 */
public record Supervisor(String department, String ground) {}

package cn.yingji.risk;

/**
 * An industry of the enterprise registry (data; codes shared with the 三管三必须 matrix).
 *
 * @param code the code
 * @param nameZh Chinese name
 * @param nameEn English name
 */
public record Industry(String code, String nameZh, String nameEn) {}

package cn.yingji.risk;

/** The identification unit (辨识单元) of GB 18218-2018: identification is made per unit. */
public enum UnitKind {
    /** 生产单元. */
    PRODUCTION,
    /** 储存单元. */
    STORAGE
}

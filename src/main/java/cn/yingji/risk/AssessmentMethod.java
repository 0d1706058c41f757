package cn.yingji.risk;

import java.util.List;

/** How a risk point is assessed. */
public enum AssessmentMethod {
    /** 作业条件危险性评价法: D = L × E × C. */
    LEC(List.of("L", "E", "C")),
    /** Risk matrix (风险矩阵法): R = L × S. */
    LS(List.of("L", "S"));

    private final List<String> factors;

    AssessmentMethod(List<String> factors) {
        this.factors = factors;
    }

    /** The factor names whose product is the score, in order. */
    public List<String> factors() {
        return factors;
    }
}

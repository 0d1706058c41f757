package cn.yingji.incident;

/** A measure an event is graded on; grading tables hold one lower bound per (dimension, grade). */
public enum GradingDimension {
    /** Deaths (missing persons added when the scheme says so). */
    DEATHS,
    /** Seriously injured, including acute industrial poisoning. */
    SERIOUSLY_INJURED,
    /** Direct economic loss in yuan. */
    DIRECT_LOSS,
    /** Burned forest area in hectares (森林火灾). */
    FOREST_AREA,
    /** Persons trapped. */
    TRAPPED
}

package cn.yingji.command;

/** Lifecycle of a task: issued → received (签收) → done reported → completed (confirmed by someone else). */
public enum TaskState {
    ISSUED,
    RECEIVED,
    DONE_REPORTED,
    COMPLETED,
    CANCELLED;

    /** True while the task still needs work or confirmation. */
    public boolean open() {
        return this == ISSUED || this == RECEIVED || this == DONE_REPORTED;
    }
}

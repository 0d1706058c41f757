package cn.yingji.command;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A task to give (API input).
 *
 * @param title what to do
 * @param detail details
 * @param assigneeKind kind of assignee
 * @param assigneeName who
 * @param assigneeUser the receiving account, if the assignee has one
 * @param dueAt deadline (must be in the future)
 */
public record NewTask(
        @Nullable String title,
        @Nullable String detail,
        @Nullable ResponsibleKind assigneeKind,
        @Nullable String assigneeName,
        @Nullable String assigneeUser,
        @Nullable Instant dueAt) {}

package cn.yingji.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the total count so clients can page. The total is computed inside the caller's
 * jurisdiction, like the items.
 *
 * @param items the rows of this page
 * @param page zero-based page number
 * @param size page size requested
 * @param total number of rows over all pages
 */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public PageResult {
        items = List.copyOf(items);
    }

    /** Number of pages (at least 1, so an empty list still shows "page 1 of 1"). */
    public int totalPages() {
        return size == 0 ? 1 : (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
    }
}

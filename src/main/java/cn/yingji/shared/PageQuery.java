package cn.yingji.shared;

/**
 * A validated page request. Sizes are clamped to {@link #MAX_SIZE} so one request cannot pull a whole table.
 *
 * @param page zero-based page
 * @param size rows per page
 */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 500;

    public PageQuery {
        if (page < 0) {
            throw InvalidInputException.field("page", "error.page.negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInputException.field("size", "error.page.size", MAX_SIZE);
        }
    }

    public static PageQuery of(Integer page, Integer size) {
        return new PageQuery(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}

package cn.yingji.resource;

import java.util.List;

/**
 * Bulk registration of rescue teams from a table, for other modules (the exchange import centre). Same rules as the
 * team registry's own import: the caller's role and capture jurisdiction are checked, every row is validated, and
 * only a file without problems is written, in one audited transaction.
 */
public interface TeamImports {

    /** The columns of the import file (and of its template), in order. */
    List<String> columns();

    /**
     * Imports a CSV or XLSX table (header row of {@link #columns()} names), all or nothing.
     *
     * @return the number of teams created
     * @throws cn.yingji.shared.InvalidInputException listing every problem, each field named {@code row[<line>].<column>}
     */
    int importTable(String filename, byte[] content);
}

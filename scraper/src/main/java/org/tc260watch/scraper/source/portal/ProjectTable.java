package org.tc260watch.scraper.source.portal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.tc260watch.events.TextNormaliser;

/**
 * A query-result table of the portal ({@code /portal/project/plan}, {@code /portal/project/standard}), read by
 * its header texts, not by column positions: no such page was ever captured, so the columns' order and the
 * extra ones (序号, 类型, 归口单位 …) are unknown. A table counts when its header names a number and a title column.
 */
final class ProjectTable {

    enum Column {
        NUMBER, TITLE, STATUS, PUBLISHED, IMPLEMENTATION
    }

    private static final Pattern TITLE = Pattern.compile("名称|标题");
    private static final Pattern STATUS = Pattern.compile("状态|阶段|进度");
    private static final Pattern PUBLISHED = Pattern.compile("发布(?:日期|时间)");
    private static final Pattern IMPLEMENTATION = Pattern.compile("实施(?:日期|时间)");
    /** The row a layui table shows when it has no data. */
    private static final Pattern NO_DATA = Pattern.compile("暂无数据|无数据|没有(?:找到)?(?:相关)?数据");

    /** One data row: the normalised text of each mapped column, and the row's element. */
    record Row(int position, Map<Column, String> cells, Element element) {
        String cell(Column column) {
            return cells.getOrDefault(column, "");
        }
    }

    private final Map<Column, Integer> columns;
    private final List<Row> rows;

    private ProjectTable(Map<Column, Integer> columns, List<Row> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** The first table whose header has a number column (matching {@code numberHeader}) and a title column. */
    static Optional<ProjectTable> find(Document doc, Pattern numberHeader) {
        for (Element table : doc.select("table")) {
            Elements headerRows = table.select("thead tr");
            Element header = headerRows.isEmpty() ? table.selectFirst("tr:has(th)") : headerRows.first();
            if (header == null) {
                continue;
            }
            Map<Column, Integer> columns = columns(header.select("th, td"), numberHeader);
            if (columns.containsKey(Column.NUMBER) && columns.containsKey(Column.TITLE)) {
                return Optional.of(new ProjectTable(columns, rows(table, header, columns)));
            }
        }
        return Optional.empty();
    }

    boolean has(Column column) {
        return columns.containsKey(column);
    }

    List<Row> rows() {
        return rows;
    }

    private static Map<Column, Integer> columns(Elements cells, Pattern numberHeader) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < cells.size(); i++) {
            String text = TextNormaliser.normalise(cells.get(i).text());
            Column column = numberHeader.matcher(text).find() ? Column.NUMBER
                    : TITLE.matcher(text).find() ? Column.TITLE
                    : STATUS.matcher(text).find() ? Column.STATUS
                    : PUBLISHED.matcher(text).find() ? Column.PUBLISHED
                    : IMPLEMENTATION.matcher(text).find() ? Column.IMPLEMENTATION : null;
            // The first matching header wins: "标准名称" before a later "英文名称".
            if (column != null) {
                columns.putIfAbsent(column, i);
            }
        }
        return columns;
    }

    private static List<Row> rows(Element table, Element header, Map<Column, Integer> columns) {
        List<Row> rows = new ArrayList<>();
        int position = 0;
        for (Element tr : table.select("tr")) {
            if (tr == header || tr.parents().contains(header) || tr.select("td").isEmpty()) {
                continue;
            }
            Elements cells = tr.select("> td");
            if (cells.size() == 1 && NO_DATA.matcher(TextNormaliser.normalise(cells.text())).find()) {
                continue;
            }
            position++;
            Map<Column, String> values = new EnumMap<>(Column.class);
            columns.forEach((column, index) -> values.put(column,
                    index < cells.size() ? TextNormaliser.normalise(cells.get(index).text()) : ""));
            rows.add(new Row(position, values, tr));
        }
        return List.copyOf(rows);
    }
}

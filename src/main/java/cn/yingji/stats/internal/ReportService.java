package cn.yingji.stats.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Monthly and yearly 安全生产形势分析 as PDF (OpenPDF) and DOCX (POI XWPF), built from the same figures the API
 * answers, so a report can be produced again from the data. Charts are drawn with Java2D into PNG. The PDF needs
 * a CJK font ({@code yingji.stats.cjk-font}, by default WenQuanYi Zen Hei from fonts-wqy-zenhei); without it the
 * PDF fails with a message naming the missing file.
 */
@Service
class ReportService {

    private final StatsService stats;
    private final LossService losses;
    private final String fontPath;

    ReportService(
            StatsService stats,
            LossService losses,
            @Value("${yingji.stats.cjk-font:/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc}") String fontPath) {
        this.stats = stats;
        this.losses = losses;
        this.fontPath = fontPath;
    }

    /** Everything a report shows. */
    record ReportData(
            String title,
            String divisionName,
            String period,
            LocalDate from,
            LocalDate to,
            StatsService.YearRow year,
            List<StatsService.YearRow> years,
            List<StatsService.Slice> byType,
            List<StatsService.Slice> byDivision,
            List<StatsService.Slice> byMonth,
            StatsService.HazardTotals hazards,
            StatsService.WarningTotals warnings,
            LossService.LossTotals losses,
            StatsService.@Nullable Slice periodTotal,
            StatsService.@Nullable Slice previousPeriodTotal) {}

    ReportData data(StatsService.Scope s, int year, @Nullable Integer month) {
        LocalDate from = month == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
        LocalDate to = month == null
                ? LocalDate.of(year, 12, 31)
                : YearMonth.of(year, month).atEndOfMonth();
        List<StatsService.YearRow> years = stats.years(s, year - 4, year);
        StatsService.YearRow y = years.get(years.size() - 1);
        var q = new StatsService.AccidentQuery(from, to, null, null, true);
        var yearQ =
                new StatsService.AccidentQuery(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), null, null, true);
        StatsService.Slice total = null;
        StatsService.Slice prev = null;
        if (month != null) {
            total = sum("本月", stats.accidents(s, q, "type"));
            var pq = new StatsService.AccidentQuery(
                    from.minusYears(1),
                    to.minusYears(1)
                            .withDayOfMonth(YearMonth.of(year - 1, month).lengthOfMonth()),
                    null,
                    null,
                    true);
            prev = sum("去年同月", stats.accidents(s, pq, "type"));
        }
        String period = month == null ? year + "年" : year + "年" + month + "月";
        return new ReportData(
                s.name() + period + "安全生产形势分析",
                s.name(),
                period,
                from,
                to,
                y,
                years,
                stats.accidents(s, q, "type"),
                stats.accidents(s, q, "division"),
                stats.accidents(s, yearQ, "month"),
                stats.hazards(s, from, to),
                stats.warnings(s, from, to),
                losses.totals(s, from, to),
                total,
                prev);
    }

    private static StatsService.Slice sum(String label, List<StatsService.Slice> slices) {
        long e = 0;
        long d = 0;
        for (var x : slices) {
            e += x.events();
            d += x.deaths();
        }
        return new StatsService.Slice(label, label, e, d);
    }

    byte[] build(StatsService.Scope s, int year, @Nullable Integer month, String format) {
        ReportData d = data(s, year, month);
        return switch (format) {
            case "pdf" -> pdf(d);
            case "docx" -> docx(d);
            default -> throw cn.yingji.shared.InvalidInputException.field("format", "stats.error.format");
        };
    }

    /** The paragraphs of the analysis, in Chinese. */
    static List<String> narrative(ReportData d) {
        List<String> p = new ArrayList<>();
        var y = d.year();
        if (d.periodTotal() != null) {
            p.add(String.format(
                    "%s，%s共发生生产安全事故%d起、死亡%d人；去年同月发生%d起、死亡%d人。",
                    d.period(),
                    d.divisionName(),
                    d.periodTotal().events(),
                    d.periodTotal().deaths(),
                    d.previousPeriodTotal().events(),
                    d.previousPeriodTotal().deaths()));
        }
        p.add(String.format(
                "%d年全年，%s共发生生产安全事故%d起、死亡%d人，事故起数同比%s，死亡人数同比%s。",
                y.year(),
                d.divisionName(),
                y.accidents(),
                y.deaths(),
                pct(y.accidentsChange()),
                pct(y.deathsChange())));
        p.add(
                y.doubleDecrease()
                        ? String.format("实现事故起数和死亡人数“双下降”，已连续%d年保持“双下降”。", y.doubleDecreaseYears())
                        : "未实现事故起数和死亡人数“双下降”。");
        p.add(
                y.extraordinary() == 0
                        ? String.format("已连续%d年未发生特别重大生产安全事故。", y.yearsWithoutExtraordinary())
                        : String.format("本年发生特别重大生产安全事故%d起。", y.extraordinary()));
        p.add(String.format(
                "排查发现隐患%d项，整改销号%d项，逾期未整改%d项。",
                d.hazards().found(), d.hazards().closed(), d.hazards().overdue()));
        p.add(String.format(
                "发布预警信息%d条，完成叫应%d轮，应叫应%d人、叫应到位%d人，叫应到达率%s。",
                d.warnings().issued(),
                d.warnings().campaigns(),
                d.warnings().persons(),
                d.warnings().reached(),
                d.warnings().reachRate() == null ? "—" : d.warnings().reachRate() + "%"));
        var l = d.losses();
        p.add(String.format(
                "自然灾害共造成受灾%d人次，紧急转移安置%d人次，倒塌房屋%d间、损坏房屋%d间，农作物受灾面积%s公顷，直接经济损失%s万元。",
                l.affected(),
                l.relocated(),
                l.housesCollapsed(),
                l.housesDamaged(),
                l.cropArea().stripTrailingZeros().toPlainString(),
                l.directLoss().stripTrailingZeros().toPlainString()));
        return p;
    }

    private static String pct(@Nullable BigDecimal change) {
        if (change == null) {
            return "无可比数据";
        }
        int sign = change.signum();
        return sign < 0 ? "下降" + change.negate() + "%" : sign > 0 ? "上升" + change + "%" : "持平";
    }

    static List<String[]> yearTable(ReportData d) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"年份", "事故起数", "死亡人数", "起数同比", "死亡同比", "双下降", "连续双下降年数", "连续无特别重大事故年数"});
        for (var y : d.years()) {
            rows.add(new String[] {
                String.valueOf(y.year()),
                String.valueOf(y.accidents()),
                String.valueOf(y.deaths()),
                y.accidentsChange() == null ? "—" : y.accidentsChange() + "%",
                y.deathsChange() == null ? "—" : y.deathsChange() + "%",
                y.doubleDecrease() ? "是" : "否",
                String.valueOf(y.doubleDecreaseYears()),
                String.valueOf(y.yearsWithoutExtraordinary())
            });
        }
        return rows;
    }

    static List<String[]> sliceTable(String head, List<StatsService.Slice> slices) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {head, "事故起数", "死亡人数"});
        for (var s : slices) {
            rows.add(new String[] {s.label(), String.valueOf(s.events()), String.valueOf(s.deaths())});
        }
        return rows;
    }

    /** A bar chart of accidents (bars) and deaths (line) per year, as PNG. */
    byte[] chart(ReportData d) {
        int w = 900;
        int h = 360;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            java.awt.Font f = awtFont();
            g.setFont(f);
            long max = 1;
            for (var y : d.years()) {
                max = Math.max(max, Math.max(y.accidents(), y.deaths()));
            }
            int left = 60;
            int bottom = h - 40;
            int top = 40;
            g.setColor(Color.DARK_GRAY);
            g.drawLine(left, bottom, w - 20, bottom);
            g.drawLine(left, top, left, bottom);
            g.drawString("事故起数（柱）与死亡人数（线）", left, 24);
            int n = d.years().size();
            int slot = (w - 20 - left) / Math.max(1, n);
            int[] xs = new int[n];
            int[] ys = new int[n];
            for (int i = 0; i < n; i++) {
                var y = d.years().get(i);
                int bh = (int) ((bottom - top) * y.accidents() / (double) max);
                int x = left + i * slot + slot / 4;
                g.setColor(new Color(0x1976d2));
                g.fillRect(x, bottom - bh, slot / 2, bh);
                g.setColor(Color.BLACK);
                g.drawString(String.valueOf(y.accidents()), x, bottom - bh - 4);
                g.drawString(String.valueOf(y.year()), x, bottom + 18);
                xs[i] = x + slot / 4;
                ys[i] = bottom - (int) ((bottom - top) * y.deaths() / (double) max);
            }
            g.setColor(new Color(0xd32f2f));
            g.setStroke(new BasicStroke(2.5f));
            g.drawPolyline(xs, ys, n);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private java.awt.Font awtFont() {
        File file = new File(fontPath);
        if (file.isFile()) {
            try {
                return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, file)
                        .deriveFont(14f);
            } catch (Exception e) {
                // fall through to a logical font
            }
        }
        return new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 14);
    }

    private BaseFont baseFont() {
        if (!new File(fontPath).isFile()) {
            throw new IllegalStateException("CJK font for PDF reports not found at " + fontPath
                    + " (install fonts-wqy-zenhei or set yingji.stats.cjk-font)");
        }
        try {
            String spec = fontPath.endsWith(".ttc") ? fontPath + ",0" : fontPath;
            return BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("cannot load CJK font " + fontPath, e);
        }
    }

    byte[] pdf(ReportData d) {
        BaseFont bf = baseFont();
        Font title = new Font(bf, 18, Font.BOLD);
        Font head = new Font(bf, 13, Font.BOLD);
        Font body = new Font(bf, 11);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(d.title());
            doc.open();
            Paragraph t = new Paragraph(d.title(), title);
            t.setAlignment(Element.ALIGN_CENTER);
            doc.add(t);
            doc.add(new Paragraph("统计期间：" + d.from() + " 至 " + d.to(), body));
            doc.add(Chunk.NEWLINE);
            doc.add(new Paragraph("一、总体情况", head));
            for (String p : narrative(d)) {
                doc.add(new Paragraph(p, body));
            }
            doc.add(new Paragraph("二、近五年事故情况", head));
            doc.add(pdfTable(yearTable(d), body));
            Image img = Image.getInstance(chart(d));
            img.scaleToFit(495, 200);
            doc.add(img);
            doc.add(new Paragraph("三、按事故类型", head));
            doc.add(pdfTable(sliceTable("事故类型", d.byType()), body));
            doc.add(new Paragraph("四、按行政区划", head));
            doc.add(pdfTable(sliceTable("行政区划", d.byDivision()), body));
            doc.add(new Paragraph("五、按月份（" + d.year().year() + "年）", head));
            doc.add(pdfTable(sliceTable("月份", d.byMonth()), body));
            doc.close();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("PDF report failed", e);
        }
        return out.toByteArray();
    }

    private static PdfPTable pdfTable(List<String[]> rows, Font font) {
        PdfPTable t = new PdfPTable(rows.get(0).length);
        t.setWidthPercentage(100);
        t.setSpacingBefore(6);
        t.setSpacingAfter(8);
        for (String[] r : rows) {
            for (String c : r) {
                PdfPCell cell = new PdfPCell(new Paragraph(c, font));
                t.addCell(cell);
            }
        }
        return t;
    }

    byte[] docx(ReportData d) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph t = doc.createParagraph();
            t.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun tr = t.createRun();
            tr.setBold(true);
            tr.setFontSize(18);
            tr.setFontFamily("宋体");
            tr.setText(d.title());
            para(doc, "统计期间：" + d.from() + " 至 " + d.to(), false);
            para(doc, "一、总体情况", true);
            for (String p : narrative(d)) {
                para(doc, p, false);
            }
            para(doc, "二、近五年事故情况", true);
            docxTable(doc, yearTable(d));
            XWPFRun img = doc.createParagraph().createRun();
            img.addPicture(
                    new java.io.ByteArrayInputStream(chart(d)),
                    org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
                    "chart.png",
                    Units.toEMU(450),
                    Units.toEMU(180));
            para(doc, "三、按事故类型", true);
            docxTable(doc, sliceTable("事故类型", d.byType()));
            para(doc, "四、按行政区划", true);
            docxTable(doc, sliceTable("行政区划", d.byDivision()));
            para(doc, "五、按月份（" + d.year().year() + "年）", true);
            docxTable(doc, sliceTable("月份", d.byMonth()));
            doc.write(out);
            return out.toByteArray();
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IllegalStateException("DOCX report failed", e);
        }
    }

    private static void para(XWPFDocument doc, String text, boolean bold) {
        XWPFRun r = doc.createParagraph().createRun();
        r.setBold(bold);
        r.setFontFamily("宋体");
        r.setFontSize(bold ? 13 : 11);
        r.setText(text);
    }

    private static void docxTable(XWPFDocument doc, List<String[]> rows) {
        XWPFTable t = doc.createTable(rows.size(), rows.get(0).length);
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < rows.get(i).length; j++) {
                t.getRow(i).getCell(j).setText(rows.get(i)[j]);
            }
        }
    }
}

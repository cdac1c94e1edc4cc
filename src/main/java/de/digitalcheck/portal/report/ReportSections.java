package de.digitalcheck.portal.report;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.tagging.StandardRoles;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Div;
import com.itextpdf.layout.element.Image;
import com.itextpdf.layout.element.Link;
import com.itextpdf.layout.element.List;
import com.itextpdf.layout.element.ListItem;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.element.Text;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import de.digitalcheck.portal.readiness.RadarChart;
import de.digitalcheck.portal.readiness.ResultSummary;
import de.digitalcheck.portal.routing.Agency;
import de.digitalcheck.portal.shared.i18n.Dates;
import de.digitalcheck.portal.shared.i18n.Language;

import java.util.ArrayList;
import java.util.Map;
import java.util.stream.Collectors;

import static de.digitalcheck.portal.report.ReportStyle.body;
import static de.digitalcheck.portal.report.ReportStyle.heading;
import static de.digitalcheck.portal.report.ReportStyle.labelled;
import static de.digitalcheck.portal.report.ReportStyle.small;

/**
 * The report's content in reading order: the cover ({@link ReportCover}), the six areas (chart and table), the peer comparison, what caps each level with recommendations, funding programmes, the agency,
 * the appointment and what the report is based on. Every text passes {@link ReportFonts#printable}.
 */
final class ReportSections {

    private final ReportContext c;
    private final ReportModel model;
    private final ResultSummary result;
    private final Language lang;
    private final Document document;
    private final PdfDocument pdf;

    ReportSections(ReportContext context) {
        this.c = context;
        this.model = context.model;
        this.result = context.model.result();
        this.lang = context.lang;
        this.document = context.document;
        this.pdf = context.pdf;
    }

    /** Adds every section; returns the bookmarks (destination name → title) in order. */
    Map<String, String> addAll() {
        new ReportCover(c).add();
        document.add(new AreaBreak());
        areas();
        benchmark();
        capping();
        funding();
        agency();
        appointment();
        about();
        return c.bookmarks();
    }

    private void areas() {
        document.add(section(StandardRoles.H2, t("result.dimensions"), 15));
        RadarChart chart = result.chart();
        Image figure = new Image(ChartDrawing.draw(chart, pdf, c.regular(), c.fonts()))
            .setWidth(UnitValue.createPercentValue(100)).setAutoScaleHeight(true).setMarginTop(4);
        figure.getAccessibilityProperties().setAlternateDescription(chartDescription(chart));
        document.add(figure);
        document.add(small(t("report.chart.legend")
            + (chart.potentialPoints() == null ? "" : " " + t("result.chart.potential"))
            + (chart.peerPoints() == null ? "" : " " + t("result.chart.peers"))).setMarginBottom(10));
        document.add(levelTable());
    }

    private String chartDescription(RadarChart chart) {
        String values = chart.axes().stream().map(a -> a.value() == null ? t("report.chart.notApplicable", a.label())
            : t("report.chart.value", a.label(), a.value())).collect(Collectors.joining("; "));
        String description = t("report.chart.alt", values);
        if (chart.potentialPoints() != null) {
            description += " " + t("report.chart.alt.potential", result.dimensions().stream()
                .filter(row -> row.potential() != null).map(row -> row.title() + " " + row.potential())
                .collect(Collectors.joining("; ")));
        }
        if (chart.peerPoints() != null) {
            java.util.List<String> peers = new ArrayList<>();
            for (ResultSummary.DimensionRow row : result.dimensions()) {
                peers.add(row.title() + " " + row.peers());
            }
            description += " " + t("report.chart.alt.peers", String.join("; ", peers));
        }
        return description;
    }

    private Table levelTable() {
        Table table = new Table(UnitValue.createPercentArray(new float[] {3.8f, 1.1f, 3.6f, 1.5f, 1.6f})).useAllAvailableWidth();
        table.setCaption(new Div().add(heading(StandardRoles.P, t("result.table.caption"), 11).setMarginTop(0)));
        table.addHeaderCell(ReportStyle.columnHead(t("result.table.dimension")));
        table.addHeaderCell(ReportStyle.columnHead(t("result.table.weight")).setTextAlignment(TextAlignment.RIGHT));
        table.addHeaderCell(ReportStyle.columnHead(t("result.table.level")));
        table.addHeaderCell(ReportStyle.columnHead(t("result.table.potential")));
        table.addHeaderCell(ReportStyle.columnHead(t("result.table.peers")).setTextAlignment(TextAlignment.RIGHT));
        for (ResultSummary.DimensionRow row : result.dimensions()) {
            table.addCell(ReportStyle.rowHead(p(row.title())));
            table.addCell(ReportStyle.bodyCell(t("result.table.weight.value", row.weight())).setTextAlignment(TextAlignment.RIGHT));
            table.addCell(ReportStyle.bodyCell(p(row.level())));
            table.addCell(ReportStyle.bodyCell(p(row.potential() == null ? "–" : row.potential())));
            table.addCell(ReportStyle.bodyCell(p(row.peers())).setTextAlignment(TextAlignment.RIGHT));
        }
        return table;
    }

    private void benchmark() {
        document.add(section(StandardRoles.H2, t("result.benchmark"), 15));
        document.add(body(p(result.benchmark())));
    }

    private void capping() {
        document.add(section(StandardRoles.H2, t("result.capping") + " – " + t("result.recommendations"), 15));
        document.add(body(t(result.allTop() ? "result.capping.allTop" : "result.capping.intro")));
        for (ResultSummary.DimensionRow row : result.dimensions()) {
            if (row.recommendation() == null) {
                continue;
            }
            document.add(heading(StandardRoles.H3, p(row.title() + ": " + row.level()), 12.5f));
            if (row.top()) {
                document.add(body(t("result.capping.top")));
            } else {
                List list = new List().setListSymbol("•").setSymbolIndent(8).setMarginLeft(4).setMarginBottom(4);
                for (ResultSummary.Capping c : row.capping()) {
                    ListItem item = new ListItem();
                    item.add(body(p(c.question())).setFontFamily(ReportFonts.BOLD).setMarginBottom(0));
                    item.add(body(p(c.current())).setMarginBottom(0));
                    if (c.next() != null) {
                        item.add(body(p(c.next())).setFontColor(ReportStyle.BLUE).setMarginBottom(0));
                    }
                    item.setMarginBottom(5);
                    list.add(item);
                }
                document.add(list);
            }
            document.add(new Paragraph().add(new Text(t("result.recommendations") + ": ").setFontFamily(ReportFonts.BOLD))
                .add(new Text(p(row.recommendation()))).setFontSize(ReportStyle.BODY).setFontColor(ReportStyle.TEXT)
                .setMultipliedLeading(1.3f).setBackgroundColor(ReportStyle.TINT).setPadding(8).setMarginTop(2)
                .setKeepTogether(true));
        }
    }

    private void funding() {
        document.add(section(StandardRoles.H2, t("result.funding"), 15));
        if (result.programmes().isEmpty()) {
            // no territory covers the location: the network's team answers, not an agency
            document.add(body(result.agency() == null ? t("result.funding.none.team", model.networkName())
                : t("result.funding.none")));
            return;
        }
        document.add(body(t("result.funding.intro")));
        for (ResultSummary.Programme programme : result.programmes()) {
            Div block = new Div().setKeepTogether(true).setMarginBottom(8).setPaddingLeft(10)
                .setBorderLeft(new SolidBorder(ReportStyle.LINE, 3));
            block.add(heading(StandardRoles.H3, p(programme.name()), 11f).setMarginTop(2).setMarginBottom(2)
                .setKeepWithNext(false));
            block.add(body(p(programme.reason())).setFontFamily(ReportFonts.BOLD).setMarginBottom(2));
            block.add(provider(programme).setMarginBottom(2));
            block.add(body(p(programme.summary())));
            block.add(new Paragraph().add(link(programme.url(), p(programme.linkLabel()))).setFontSize(ReportStyle.SMALL));
            document.add(block);
        }
    }

    /**
     * "Provided by …": a provider named in another language than the report's (an English report shows the German
     * name where the programme has no English one) is a span in that language, as on the result page.
     */
    private Paragraph provider(ResultSummary.Programme programme) {
        Text name = new Text(p(programme.providerName()));
        if (programme.providerLanguage() != null) {
            name.getAccessibilityProperties().setRole(StandardRoles.SPAN).setLanguage(programme.providerLanguage());
        }
        return small("").add(new Text(p(programme.providerLabel() + " "))).add(name);
    }

    private void agency() {
        document.add(section(StandardRoles.H2, t(result.agency() == null ? "result.agency.team" : "result.agency"), 15));
        Agency agency = result.agency();
        // the heading and the sentence that introduces the contact go with it: they were left alone at a page's foot
        document.add(body(p(result.agencyIntro())).setKeepWithNext(agency != null));
        if (agency == null) {
            return;
        }
        // the contact is read as one block: never broken across pages (it once left the phone on the next page)
        Div contact = new Div().setKeepTogether(true);
        contact.add(body(p(agency.name())).setFontFamily(ReportFonts.BOLD).setFontSize(11));
        if (agency.address() != null) {
            contact.add(labelled(t("report.agency.address"), p(agency.address())));
        }
        contact.add(new Paragraph().add(new Text(t("result.agency.email") + ": ").setFontFamily(ReportFonts.BOLD))
            .add(link("mailto:" + agency.email(), p(agency.email()))).setFontSize(ReportStyle.BODY).setMarginBottom(3));
        if (agency.phone() != null) {
            contact.add(labelled(t("result.agency.phone"), p(agency.phone())));
        }
        if (agency.website() != null) {
            contact.add(new Paragraph().add(new Text(t("result.agency.website") + ": ").setFontFamily(ReportFonts.BOLD))
                .add(link(agency.website(), p(agency.website()))).setFontSize(ReportStyle.BODY));
        }
        document.add(contact);
    }

    private void appointment() {
        document.add(section(StandardRoles.H2, t("report.appointment"), 15));
        Appointment a = model.appointment();
        if (a == null) {
            document.add(body(result.agency() == null ? t("report.appointment.none.team", model.networkName())
                : t("report.appointment.none")));
            return;
        }
        Div appointment = new Div().setKeepTogether(true);
        appointment.add(labelled(t("report.appointment.when"), c.when(a)));
        appointment.add(labelled(t("report.appointment.coach"), p(a.coachName())));
        appointment.add(labelled(t("report.appointment.mode"), t("mode." + a.mode().name())));
        if (a.place() != null) {
            appointment.add(labelled(t("report.appointment.place"), p(a.place())));
        }
        document.add(appointment);
    }

    private void about() {
        document.add(section(StandardRoles.H2, t("report.about"), 15));
        document.add(body(t("report.created", Dates.date(lang, model.createdOn()), p(model.networkName()))));
        document.add(body(p(result.version())));
        document.add(body(t("report.model")));
    }

    private Paragraph section(String role, String text, float size) {
        return c.section(role, text, size);
    }

    private Link link(String url, String text) {
        return c.link(url, text);
    }

    private String t(String key, Object... args) {
        return c.t(key, args);
    }

    private String p(String text) {
        return c.p(text);
    }
}

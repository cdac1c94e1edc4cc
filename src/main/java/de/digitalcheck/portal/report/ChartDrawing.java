package de.digitalcheck.portal.report;

import com.itextpdf.kernel.colors.Color;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.extgstate.PdfExtGState;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import de.digitalcheck.portal.readiness.RadarChart;

import java.util.List;

/**
 * Draws a {@link RadarChart} as vector graphics into a form XObject of the chart's own size, with the same
 * points, order and colours as the web page's SVG (y turned upwards, as PDF measures it).
 */
final class ChartDrawing {

    static final float LABEL_SIZE = 13f;

    private ChartDrawing() {
    }

    static PdfFormXObject draw(RadarChart chart, PdfDocument pdf, PdfFont font, ReportFonts fonts) {
        float width = (float) chart.width();
        float height = (float) chart.height();
        PdfFormXObject form = new PdfFormXObject(new Rectangle(width, height));
        PdfCanvas canvas = new PdfCanvas(form, pdf);
        canvas.setLineWidth(0.6f).setStrokeColor(ReportStyle.GRID);
        chart.ringPoints().forEach(ring -> polygon(canvas, ring, height).stroke());
        for (RadarChart.Axis axis : chart.axes()) {
            canvas.moveTo(chart.cx(), height - chart.cy()).lineTo(axis.x(), height - axis.y()).stroke();
        }
        if (chart.peerPoints() != null) {
            canvas.saveState().setLineWidth(1.5f).setStrokeColor(ReportStyle.PEER).setLineDash(4, 3, 0);
            polygon(canvas, chart.peerPoints(), height).stroke();
            canvas.restoreState();
        }
        if (chart.potentialPoints() != null) {
            canvas.saveState().setLineWidth(1.5f).setStrokeColor(ReportStyle.BLUE).setLineDash(1.5f, 3, 0)
                .setLineCapStyle(com.itextpdf.kernel.pdf.canvas.PdfCanvasConstants.LineCapStyle.ROUND);
            polygon(canvas, chart.potentialPoints(), height).stroke();
            canvas.restoreState();
        }
        canvas.saveState().setExtGState(new PdfExtGState().setFillOpacity(0.25f))
            .setFillColor(ReportStyle.BLUE).setStrokeColor(ReportStyle.BLUE).setLineWidth(2f);
        polygon(canvas, chart.points(), height).fillStroke();
        canvas.restoreState();
        labels(canvas, chart, font, fonts, height, ReportStyle.TEXT);
        canvas.release();
        return form;
    }

    private static PdfCanvas polygon(PdfCanvas canvas, List<RadarChart.Point> points, float height) {
        for (int i = 0; i < points.size(); i++) {
            RadarChart.Point p = points.get(i);
            if (i == 0) {
                canvas.moveTo(p.x(), height - p.y());
            } else {
                canvas.lineTo(p.x(), height - p.y());
            }
        }
        return canvas.closePath();
    }

    private static void labels(PdfCanvas canvas, RadarChart chart, PdfFont font, ReportFonts fonts, float height,
                               Color color) {
        canvas.saveState().setFillColor(color);
        for (RadarChart.Axis axis : chart.axes()) {
            String label = fonts.printableIn(font, axis.label());
            float width = font.getWidth(label, LABEL_SIZE);
            double x = switch (axis.anchor()) {
                case "middle" -> axis.labelX() - width / 2;
                case "end" -> axis.labelX() - width;
                default -> axis.labelX();
            };
            canvas.beginText().setFontAndSize(font, LABEL_SIZE)
                .moveText(x, height - axis.labelY()).showText(label).endText();
        }
        canvas.restoreState();
    }
}

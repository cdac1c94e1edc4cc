package de.digitalcheck.portal.shared.web;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What people typed stands in a table's cell inside a {@code .dc-cell} box: a cell marked {@code dc-text} holds its
 * content in one, and a {@code dc-text} element inside a cell lies in one. {@code dc-text}'s
 * {@code overflow-wrap: anywhere} directly in a cell let the table squeeze the column below its words ("Unterneh|men"
 * in the lead's trail, "Erstgesp|räch" in the coach's week at 1280 px); the box breaks words only where they may and
 * keeps a 200-character name from widening the table (app.css, the browser tests check the pages themselves).
 */
class TableCellTemplatesTest {

    private static final Path VIEWS = Path.of("src/main/resources/views");

    @Test
    void whatPeopleTypedStandsInACellsBox() throws IOException, ParseException {
        List<String> unboxed = new ArrayList<>();
        int cells = 0;
        DOMMarkupParser parser = new DOMMarkupParser(ParseConfiguration.htmlConfiguration());
        try (Stream<Path> files = Files.walk(VIEWS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String name = VIEWS.relativize(file).toString();
                cells += walk(name, parser.parse(name, Files.readString(file)), false, false, unboxed);
            }
        }
        assertThat(cells).as("table cells with what people typed").isGreaterThan(25);
        assertThat(unboxed).as("dc-text in table cells outside a .dc-cell").isEmpty();
    }

    /** Walks {@code node}'s children; answers how many {@code dc-text} cells and elements in cells it met. */
    private static int walk(String file, INestableNode node, boolean inCell, boolean inBox, List<String> unboxed) {
        int found = 0;
        for (INode child : node.getChildren()) {
            if (!(child instanceof Element e)) {
                continue;
            }
            boolean cell = e.elementNameMatches("td") || e.elementNameMatches("th");
            boolean box = inBox || hasClass(e, "dc-cell");
            if (hasClass(e, "dc-text") && cell) {
                found++;
                for (INode content : e.getChildren()) {
                    boolean boxed = content instanceof Element c ? hasClass(c, "dc-cell")
                        : !(content instanceof Text t) || t.getContent().isBlank();
                    if (!boxed) {
                        unboxed.add(file + ":" + e.getLine() + " <" + e.getElementName() + "> holds more than a .dc-cell");
                    }
                }
            } else if (hasClass(e, "dc-text") && inCell) {
                found++;
                if (!box) {
                    unboxed.add(file + ":" + e.getLine() + " <" + e.getElementName() + " class=\""
                        + e.getAttributeValue("class") + "\"> in a cell, outside a .dc-cell");
                }
            }
            found += walk(file, e, inCell || cell, box, unboxed);
        }
        return found;
    }

    private static boolean hasClass(Element e, String name) {
        String classes = e.getAttributeValue("class");
        return classes != null && Arrays.asList(classes.trim().split("\\s+")).contains(name);
    }
}

package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.shared.i18n.Text;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Strict reading of YAML nodes, every problem reported with file and line. */
final class YamlReader {

    private static final Set<String> LANGUAGES = Set.of("de", "en");

    private final String file;

    YamlReader(String file) {
        this.file = file;
    }

    QuestionnaireException error(Node node, String problem) {
        return new QuestionnaireException(file, node == null ? 0 : node.getStartMark().getLine() + 1, problem);
    }

    /** The entries of a mapping, refusing keys outside {@code allowed} and missing {@code required} ones. */
    Map<String, Node> map(Node node, String what, Set<String> allowed, Set<String> required) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping");
        }
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), what + " key");
            if (!allowed.contains(key)) {
                throw error(tuple.getKeyNode(), "unknown key '" + key + "' in " + what + " (allowed: " + allowed + ")");
            }
            if (entries.put(key, tuple.getValueNode()) != null) {
                throw error(tuple.getKeyNode(), "duplicate key '" + key + "' in " + what);
            }
        }
        for (String key : required) {
            if (!entries.containsKey(key)) {
                throw error(node, what + " lacks '" + key + "'");
            }
        }
        return entries;
    }

    List<Node> list(Node node, String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, what + " must be a list");
        }
        if (sequence.getValue().isEmpty()) {
            throw error(node, what + " must not be empty");
        }
        return sequence.getValue();
    }

    String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw error(node, what + " must be a non-empty text");
        }
        return scalar.getValue().trim();
    }

    boolean isNull(Node node) {
        return node instanceof ScalarNode scalar
            && ("null".equals(scalar.getValue()) || "~".equals(scalar.getValue()) || scalar.getValue().isEmpty());
    }

    int integer(Node node, String what, int min, int max) {
        String value = scalar(node, what);
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw error(node, what + " must be between " + min + " and " + max + ", not " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw error(node, what + " must be a whole number, not '" + value + "'");
        }
    }

    Text text(Node node, String what) {
        Map<String, Node> langs = map(node, what, LANGUAGES, LANGUAGES);
        return new Text(scalar(langs.get("de"), what + ".de"), scalar(langs.get("en"), what + ".en"));
    }
}

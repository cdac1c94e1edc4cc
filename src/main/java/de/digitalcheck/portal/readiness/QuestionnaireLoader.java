package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.readiness.Questionnaire.Dimension;
import de.digitalcheck.portal.readiness.Questionnaire.Field;
import de.digitalcheck.portal.readiness.Questionnaire.Option;
import de.digitalcheck.portal.readiness.Questionnaire.Question;
import de.digitalcheck.portal.shared.i18n.Text;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a questionnaire file. Any problem stops with a {@link QuestionnaireException}
 * naming the file, the line and the problem.
 */
public final class QuestionnaireLoader {

    public static final int MIN_QUESTIONS = 24;
    public static final int MAX_QUESTIONS = 40;
    public static final int MAX_LEVEL = 5;
    /** The dimensions of the IMPULS model; "not applicable" is allowed only in the last two. */
    static final List<String> DIMENSIONS = Questionnaire.DIMENSION_IDS;
    static final Set<String> MAY_BE_NOT_APPLICABLE = Set.of("products", "services");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Set<String> DIMENSION_IDS = Set.copyOf(DIMENSIONS);
    private static final Set<String> TOP_KEYS = Set.of("version", "scoringVersion", "dimensions", "questions", "recommendations");
    private static final Set<String> DIMENSION_KEYS = Set.of("id", "weight", "title", "description", "fields");
    private static final Set<String> DIMENSION_REQUIRED = Set.of("id", "weight", "title", "fields");
    private static final Set<String> FIELD_KEYS = Set.of("id", "title");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "dimension", "field", "appliesTo", "notApplicableFor", "text",
        "hint", "options");
    private static final Set<String> QUESTION_REQUIRED = Set.of("id", "dimension", "field", "text", "options");
    private static final Set<String> OPTION_KEYS = Set.of("id", "level", "text");
    private static final Set<String> RECOMMENDATION_KEYS = Set.of("level", "text");

    private final String file;
    private final YamlReader yaml;

    private QuestionnaireLoader(String file) {
        this.file = file;
        this.yaml = new YamlReader(file);
    }

    public static Questionnaire load(String file, Reader reader) {
        return new QuestionnaireLoader(file).read(reader);
    }

    private Questionnaire read(Reader reader) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new QuestionnaireException(file, line, "not valid YAML: " + e.getProblem());
        }
        if (root == null) {
            throw new QuestionnaireException(file, 0, "the file is empty");
        }
        Map<String, Node> top = yaml.map(root, "questionnaire", TOP_KEYS, TOP_KEYS);
        List<Dimension> dimensions = dimensions(top.get("dimensions"));
        List<Question> questions = questions(top.get("questions"), dimensions);
        Map<String, List<Text>> recommendations = recommendations(top.get("recommendations"));
        Questionnaire questionnaire = new Questionnaire(yaml.scalar(top.get("version"), "version"),
            yaml.scalar(top.get("scoringVersion"), "scoringVersion"), dimensions, questions, recommendations);
        checkCoverage(questionnaire, top.get("questions"));
        return questionnaire;
    }

    private List<Dimension> dimensions(Node node) {
        List<Node> items = yaml.list(node, "dimensions");
        List<Dimension> dimensions = new ArrayList<>();
        Set<String> fieldIds = new HashSet<>();
        for (Node item : items) {
            Map<String, Node> d = yaml.map(item, "dimension", DIMENSION_KEYS, DIMENSION_REQUIRED);
            String id = yaml.scalar(d.get("id"), "dimension id");
            int expected = dimensions.size();
            if (expected >= DIMENSIONS.size() || !DIMENSIONS.get(expected).equals(id)) {
                throw yaml.error(d.get("id"), "expected dimension " + (expected < DIMENSIONS.size()
                    ? "'" + DIMENSIONS.get(expected) + "'" : "no further dimension") + " here, found '" + id
                    + "' (the six IMPULS dimensions in order: " + DIMENSIONS + ")");
            }
            List<Field> fields = new ArrayList<>();
            for (Node f : yaml.list(d.get("fields"), "fields of " + id)) {
                Map<String, Node> field = yaml.map(f, "field", FIELD_KEYS, FIELD_KEYS);
                String fieldId = id(field.get("id"), "field id");
                if (!fieldIds.add(fieldId)) {
                    throw yaml.error(field.get("id"), "duplicate field id '" + fieldId + "'");
                }
                fields.add(new Field(fieldId, yaml.text(field.get("title"), "field title")));
            }
            Text description = d.containsKey("description") ? yaml.text(d.get("description"), "description") : null;
            dimensions.add(new Dimension(id, yaml.integer(d.get("weight"), "weight", 1, 100),
                yaml.text(d.get("title"), "dimension title"), description, List.copyOf(fields)));
        }
        if (dimensions.size() != DIMENSIONS.size()) {
            throw yaml.error(node, "expected the six dimensions " + DIMENSIONS + ", found " + dimensions.size());
        }
        return List.copyOf(dimensions);
    }

    private List<Question> questions(Node node, List<Dimension> dimensions) {
        List<Question> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node item : yaml.list(node, "questions")) {
            Map<String, Node> q = yaml.map(item, "question", QUESTION_KEYS, QUESTION_REQUIRED);
            String id = id(q.get("id"), "question id");
            if (!ids.add(id)) {
                throw yaml.error(q.get("id"), "duplicate id '" + id + "'");
            }
            String dimensionId = yaml.scalar(q.get("dimension"), "dimension");
            Dimension dimension = null;
            for (Dimension d : dimensions) {
                if (d.id().equals(dimensionId)) {
                    dimension = d;
                    break;
                }
            }
            if (dimension == null) {
                throw yaml.error(q.get("dimension"), "unknown dimension '" + dimensionId + "'");
            }
            String field = yaml.scalar(q.get("field"), "field");
            boolean known = false;
            for (Field f : dimension.fields()) {
                known = known || f.id().equals(field);
            }
            if (!known) {
                throw yaml.error(q.get("field"), "field '" + field + "' is not a field of dimension '" + dimensionId + "'");
            }
            Set<CompanyType> appliesTo = q.containsKey("appliesTo") ? companyTypes(q.get("appliesTo"))
                : EnumSet.allOf(CompanyType.class);
            Text hint = q.containsKey("hint") ? yaml.text(q.get("hint"), "hint") : null;
            List<Option> options = options(q.get("options"), id, dimensionId, ids);
            Set<CompanyType> notApplicableFor = notApplicableFor(q.get("notApplicableFor"), id, appliesTo, options);
            questions.add(new Question(id, dimensionId, field, Set.copyOf(appliesTo), Set.copyOf(notApplicableFor),
                yaml.text(q.get("text"), "question text"), hint, options));
        }
        if (questions.size() < MIN_QUESTIONS || questions.size() > MAX_QUESTIONS) {
            throw yaml.error(node, "expected " + MIN_QUESTIONS + " to " + MAX_QUESTIONS + " questions, found " + questions.size());
        }
        return List.copyOf(questions);
    }

    /**
     * Who may choose the question's "not applicable" option: the listed types, which must be among those the question
     * applies to, and only on a question with such an option; without a list (questionnaire version 1) every type it
     * applies to.
     */
    private Set<CompanyType> notApplicableFor(Node node, String questionId, Set<CompanyType> appliesTo,
                                              List<Option> options) {
        boolean hasOption = options.stream().anyMatch(Option::notApplicable);
        if (node == null) {
            return hasOption ? appliesTo : EnumSet.noneOf(CompanyType.class);
        }
        if (!hasOption) {
            throw yaml.error(node, "question '" + questionId + "' has notApplicableFor but no 'not applicable' option"
                + " (level: null)");
        }
        Set<CompanyType> types = companyTypes(node, "notApplicableFor of " + questionId);
        for (CompanyType type : types) {
            if (!appliesTo.contains(type)) {
                throw yaml.error(node, "notApplicableFor of question '" + questionId + "' names " + type
                    + ", which the question does not apply to (appliesTo: " + appliesTo + ")");
            }
        }
        return types;
    }

    private Set<CompanyType> companyTypes(Node node) {
        return companyTypes(node, "appliesTo");
    }

    private Set<CompanyType> companyTypes(Node node, String what) {
        Set<CompanyType> types = EnumSet.noneOf(CompanyType.class);
        for (Node item : yaml.list(node, what)) {
            String value = yaml.scalar(item, "company type");
            types.add(CompanyType.parse(value).orElseThrow(() -> yaml.error(item,
                "unknown company type '" + value + "' (allowed: OWN_PRODUCTS, CONTRACT_MANUFACTURING, SERVICES, TRADE)")));
        }
        return types;
    }

    private List<Option> options(Node node, String questionId, String dimensionId, Set<String> ids) {
        List<Option> options = new ArrayList<>();
        boolean[] levels = new boolean[MAX_LEVEL + 1];
        boolean notApplicable = false;
        for (Node item : yaml.list(node, "options of " + questionId)) {
            Map<String, Node> o = yaml.map(item, "option", OPTION_KEYS, OPTION_KEYS);
            String id = id(o.get("id"), "option id");
            if (!ids.add(id)) {
                throw yaml.error(o.get("id"), "duplicate id '" + id + "'");
            }
            Integer level = null;
            if (yaml.isNull(o.get("level"))) {
                if (!MAY_BE_NOT_APPLICABLE.contains(dimensionId)) {
                    throw yaml.error(o.get("level"), "a 'not applicable' option is allowed only in " + MAY_BE_NOT_APPLICABLE);
                }
                if (notApplicable) {
                    throw yaml.error(o.get("level"), "question '" + questionId + "' has two 'not applicable' options");
                }
                notApplicable = true;
            } else {
                level = yaml.integer(o.get("level"), "level", 0, MAX_LEVEL);
                if (levels[level]) {
                    throw yaml.error(o.get("level"), "question '" + questionId + "' has two options at level " + level);
                }
                levels[level] = true;
            }
            options.add(new Option(id, level, yaml.text(o.get("text"), "option text")));
        }
        for (int level = 0; level <= MAX_LEVEL; level++) {
            if (!levels[level]) {
                throw yaml.error(node, "question '" + questionId + "' has no option at level " + level
                    + " (every question needs one option for each level 0-5)");
            }
        }
        return List.copyOf(options);
    }

    private Map<String, List<Text>> recommendations(Node node) {
        Map<String, Node> byDimension = yaml.map(node, "recommendations", DIMENSION_IDS, DIMENSION_IDS);
        Map<String, List<Text>> result = new LinkedHashMap<>();
        for (String dimension : DIMENSIONS) {
            Map<Integer, Text> texts = new HashMap<>();
            for (Node item : yaml.list(byDimension.get(dimension), "recommendations of " + dimension)) {
                Map<String, Node> r = yaml.map(item, "recommendation", RECOMMENDATION_KEYS, RECOMMENDATION_KEYS);
                int level = yaml.integer(r.get("level"), "level", 0, MAX_LEVEL);
                if (texts.put(level, yaml.text(r.get("text"), "recommendation text")) != null) {
                    throw yaml.error(r.get("level"), "two recommendations for " + dimension + " at level " + level);
                }
            }
            List<Text> ordered = new ArrayList<>();
            for (int level = 0; level <= MAX_LEVEL; level++) {
                Text text = texts.get(level);
                if (text == null) {
                    throw yaml.error(byDimension.get(dimension), "no recommendation for " + dimension + " at level " + level);
                }
                ordered.add(text);
            }
            result.put(dimension, List.copyOf(ordered));
        }
        return Map.copyOf(result);
    }

    private void checkCoverage(Questionnaire questionnaire, Node questionsNode) {
        Set<String> asked = new HashSet<>();
        for (Question question : questionnaire.questions()) {
            asked.add(question.field());
        }
        for (Dimension dimension : questionnaire.dimensions()) {
            for (Field field : dimension.fields()) {
                if (!asked.contains(field.id())) {
                    throw yaml.error(questionsNode, "field '" + field.id() + "' has no question");
                }
            }
        }
        for (CompanyType type : CompanyType.values()) {
            if (questionnaire.questionsOf("strategy", type).isEmpty()) {
                throw yaml.error(questionsNode, "company type " + type + " gets no strategy question");
            }
        }
    }

    private String id(Node node, String what) {
        String id = yaml.scalar(node, what);
        if (!ID.matcher(id).matches()) {
            throw yaml.error(node, what + " '" + id + "' must be lowercase letters, digits and hyphens");
        }
        return id;
    }
}

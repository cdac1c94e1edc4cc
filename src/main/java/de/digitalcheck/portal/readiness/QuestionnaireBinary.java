package de.digitalcheck.portal.readiness;

import de.digitalcheck.portal.readiness.Questionnaire.Dimension;
import de.digitalcheck.portal.readiness.Questionnaire.Field;
import de.digitalcheck.portal.readiness.Questionnaire.Option;
import de.digitalcheck.portal.readiness.Questionnaire.Question;
import de.digitalcheck.portal.shared.i18n.Text;
import io.micronaut.core.annotation.Nullable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A questionnaire of the portal's own files as the build has read and validated it, in a compact binary form
 * ({@code questionnaires/v1.yaml.bin} next to {@code questionnaires/v1.yaml}): reading the YAML at every start cost
 * about 7 % of the start (SnakeYAML's parser, 14 MB of garbage and the JIT's work on it; bench/README.md, "2 December").
 * The binary names the length and CRC-32 of the YAML it was made from; {@link Questionnaires} uses it only for exactly
 * those bytes and reads the YAML otherwise (a file edited since the build, an operator's own file). Not a format for
 * anyone else: written and read only by this class, of the same build.
 */
public final class QuestionnaireBinary {

    /** The binary form's file name: the YAML's name and this. */
    public static final String SUFFIX = ".bin";
    private static final int MAGIC = 0x44435131; // "DCQ1"; a new layout takes a new number

    private QuestionnaireBinary() {
    }

    /** The questionnaire of {@code yaml}, if {@code binary} was made from exactly these bytes. */
    static Optional<Questionnaire> read(byte[] binary, byte[] yaml) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(binary))) {
            if (in.readInt() != MAGIC || in.readInt() != yaml.length || in.readLong() != crc(yaml)) {
                return Optional.empty();
            }
            return Optional.of(questionnaire(in));
        } catch (IOException e) {
            return Optional.empty(); // a truncated file: the YAML decides
        }
    }

    /** The binary form of {@code questionnaire}, read from {@code yaml}. */
    static byte[] write(Questionnaire q, byte[] yaml) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(yaml.length);
            out.writeLong(crc(yaml));
            out.writeUTF(q.version());
            out.writeUTF(q.scoringVersion());
            out.writeInt(q.dimensions().size());
            for (Dimension d : q.dimensions()) {
                out.writeUTF(d.id());
                out.writeInt(d.weight());
                text(out, d.title());
                text(out, d.description());
                out.writeInt(d.fields().size());
                for (Field f : d.fields()) {
                    out.writeUTF(f.id());
                    text(out, f.title());
                }
            }
            out.writeInt(q.questions().size());
            for (Question x : q.questions()) {
                out.writeUTF(x.id());
                out.writeUTF(x.dimension());
                out.writeUTF(x.field());
                types(out, x.appliesTo());
                types(out, x.notApplicableFor());
                text(out, x.text());
                text(out, x.hint());
                out.writeInt(x.options().size());
                for (Option o : x.options()) {
                    out.writeUTF(o.id());
                    out.writeInt(o.level() == null ? -1 : o.level());
                    text(out, o.text());
                }
            }
            out.writeInt(q.recommendations().size());
            for (Map.Entry<String, List<Text>> e : q.recommendations().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().size());
                for (Text t : e.getValue()) {
                    text(out, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Questionnaire questionnaire(DataInputStream in) throws IOException {
        String version = in.readUTF();
        String scoringVersion = in.readUTF();
        List<Dimension> dimensions = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            String id = in.readUTF();
            int weight = in.readInt();
            Text title = text(in);
            Text description = text(in);
            List<Field> fields = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) {
                fields.add(new Field(in.readUTF(), text(in)));
            }
            dimensions.add(new Dimension(id, weight, title, description, List.copyOf(fields)));
        }
        List<Question> questions = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            String id = in.readUTF();
            String dimension = in.readUTF();
            String field = in.readUTF();
            Set<CompanyType> appliesTo = types(in);
            Set<CompanyType> notApplicableFor = types(in);
            Text text = text(in);
            Text hint = text(in);
            List<Option> options = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) {
                String optionId = in.readUTF();
                int level = in.readInt();
                options.add(new Option(optionId, level < 0 ? null : level, text(in)));
            }
            questions.add(new Question(id, dimension, field, appliesTo, notApplicableFor, text, hint,
                List.copyOf(options)));
        }
        Map<String, List<Text>> recommendations = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            String dimension = in.readUTF();
            List<Text> texts = new ArrayList<>();
            for (int j = in.readInt(); j > 0; j--) {
                texts.add(text(in));
            }
            recommendations.put(dimension, List.copyOf(texts));
        }
        return new Questionnaire(version, scoringVersion, List.copyOf(dimensions), List.copyOf(questions),
            Map.copyOf(recommendations));
    }

    private static void text(DataOutputStream out, @Nullable Text t) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            string(out, t.de());
            string(out, t.en());
        }
    }

    private static @Nullable Text text(DataInputStream in) throws IOException {
        return in.readBoolean() ? new Text(string(in), string(in)) : null;
    }

    private static void string(DataOutputStream out, @Nullable String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static @Nullable String string(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void types(DataOutputStream out, Set<CompanyType> types) throws IOException {
        out.writeInt(types.size());
        for (CompanyType t : types) {
            out.writeUTF(t.name());
        }
    }

    private static Set<CompanyType> types(DataInputStream in) throws IOException {
        Set<CompanyType> types = EnumSet.noneOf(CompanyType.class);
        for (int i = in.readInt(); i > 0; i--) {
            types.add(CompanyType.valueOf(in.readUTF()));
        }
        return Set.copyOf(types);
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /**
     * The build's step ({@code pom.xml}, phase {@code process-classes}): reads every {@code *.yaml} of the given
     * directory as the portal does (a broken file fails the build with its name, line and problem) and writes its
     * binary form next to it.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            byte[] yaml = Files.readAllBytes(file);
            Questionnaire q = QuestionnaireLoader.load("classpath:" + dir.getFileName() + "/" + file.getFileName(),
                new InputStreamReader(new ByteArrayInputStream(yaml), StandardCharsets.UTF_8));
            byte[] binary = write(q, yaml);
            if (!read(binary, yaml).equals(Optional.of(q))) {
                throw new IllegalStateException(file + ": its binary form does not read back the same questionnaire");
            }
            Files.write(file.resolveSibling(file.getFileName() + SUFFIX), binary);
        }
        System.out.println("questionnaires in binary form: " + files.size() + " in " + dir);
    }
}

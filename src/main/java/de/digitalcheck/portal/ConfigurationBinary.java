package de.digitalcheck.portal;

import io.micronaut.context.env.yaml.YamlPropertySourceLoader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The portal's YAML configuration (application.yml, application-&lt;environment&gt;.yml) as Micronaut's YAML loader reads
 * it, written by the build next to each file ({@code application.yml.bin}) in a compact binary form: the properties
 * and their values (text, true/false, numbers, lists and maps of these), in their order. The runnable jar reads this
 * form instead of parsing the YAML with SnakeYAML at every start ({@link ClassPathYamlPropertySourceLoader}; about
 * 40 ms of the main thread and the JIT's work on the parser, bench/README.md, "3 December, afternoon"). The form names
 * the length and CRC-32 of the YAML it was made from and is used only for exactly those bytes: a file changed since the
 * build is parsed as before. A file with a value of any other kind gets no binary form (and is parsed). Not a format
 * for anyone else: written and read only by this class, of the same build.
 */
public final class ConfigurationBinary {

    /** The binary form's file name: the YAML's name and this. */
    public static final String SUFFIX = ".bin";
    private static final int MAGIC = 0x44434331; // "DCC1"; a new layout takes a new number
    private static final Pattern CONFIGURATION = Pattern.compile("application(-[A-Za-z0-9_.-]+)?\\.(yml|yaml)");

    private static final byte NULL = 0;
    private static final byte TEXT = 1;
    private static final byte TRUE = 2;
    private static final byte FALSE = 3;
    private static final byte INT = 4;
    private static final byte LONG = 5;
    private static final byte DOUBLE = 6;
    private static final byte LIST = 7;
    private static final byte MAP = 8;

    private ConfigurationBinary() {
    }

    /** The properties of {@code yaml}, if {@code binary} was made from exactly these bytes. */
    static Optional<Map<String, Object>> read(byte[] binary, byte[] yaml) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(binary))) {
            if (in.readInt() != MAGIC || in.readInt() != yaml.length || in.readLong() != crc(yaml)) {
                return Optional.empty();
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                properties.put(in.readUTF(), value(in));
            }
            if (in.read() != -1) {
                return Optional.empty(); // more than the build wrote
            }
            return Optional.of(properties);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a truncated or damaged file: the YAML decides
        }
    }

    /** The binary form of {@code properties}, read from {@code yaml}; empty if a value is of a kind it cannot hold. */
    static Optional<byte[]> write(Map<String, Object> properties, byte[] yaml) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(yaml.length);
            out.writeLong(crc(yaml));
            out.writeInt(properties.size());
            for (Map.Entry<String, Object> e : properties.entrySet()) {
                out.writeUTF(e.getKey());
                if (!value(out, e.getValue())) {
                    return Optional.empty();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(bytes.toByteArray());
    }

    private static boolean value(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(TEXT);
            out.writeUTF(s);
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (value instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object element : list) {
                if (!value(out, element)) {
                    return false;
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    return false;
                }
                out.writeUTF(key);
                if (!value(out, e.getValue())) {
                    return false;
                }
            }
        } else {
            return false; // e.g. a date or a big number: the YAML is parsed at start
        }
        return true;
    }

    private static Object value(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case NULL -> null;
            case TEXT -> in.readUTF();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case INT -> in.readInt();
            case LONG -> in.readLong();
            case DOUBLE -> in.readDouble();
            case LIST -> {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(Math.min(size, 1024));
                for (int i = 0; i < size; i++) {
                    list.add(value(in));
                }
                yield list;
            }
            case MAP -> {
                int size = in.readInt();
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(in.readUTF(), value(in));
                }
                yield map;
            }
            default -> throw new IOException("unknown value kind " + kind);
        };
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** The properties of {@code yaml} as Micronaut's YAML loader reads them (without its log: the build's step is quiet). */
    static Map<String, Object> parse(String name, byte[] yaml) throws IOException {
        return new YamlPropertySourceLoader(false).read(name, new ByteArrayInputStream(yaml));
    }

    /**
     * The build's step ({@code pom.xml}, phase {@code process-classes}): writes the binary form of every
     * {@code application*.yml} of the given directory next to it.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> CONFIGURATION.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        int written = 0;
        for (Path file : files) {
            byte[] yaml = Files.readAllBytes(file);
            String name = file.getFileName().toString().replaceFirst("\\.(yml|yaml)$", "");
            Map<String, Object> properties = parse(name, yaml);
            Path target = file.resolveSibling(file.getFileName() + SUFFIX);
            Optional<byte[]> binary = write(properties, yaml);
            if (binary.isEmpty()) {
                Files.deleteIfExists(target);
                System.out.println(file.getFileName() + " has a value the binary form cannot hold: it is parsed at start");
                continue;
            }
            if (!read(binary.get(), yaml).equals(Optional.of(properties))) {
                throw new IllegalStateException(file + ": its binary form does not read back the same properties");
            }
            Files.write(target, binary.get());
            written++;
        }
        System.out.println("configuration in binary form: " + written + " of " + files.size() + " in " + dir);
    }
}

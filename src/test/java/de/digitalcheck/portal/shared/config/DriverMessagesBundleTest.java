package de.digitalcheck.portal.shared.config;

import com.mysql.cj.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MySQL driver's message bundle as a class, written by the build (src/build/java/…/DriverMessagesBundle.java):
 * {@link ResourceBundle} finds it instead of the driver's properties file, and it holds exactly the driver's messages.
 */
class DriverMessagesBundleTest {

    private static final String BUNDLE = "com.mysql.cj.LocalizedErrorMessages";

    @Test
    void theDriverFindsItsMessagesAsAClassWithTheTextsOfItsOwnFile() throws IOException {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, Messages.class.getClassLoader());
        assertThat(bundle).as("the class the build wrote, not the parsed properties file")
            .isInstanceOf(ListResourceBundle.class);
        assertThat(bundle.getClass().getName()).isEqualTo(BUNDLE);
        // the German default locale of a developer's machine finds the same class: the driver has no German file
        assertThat(ResourceBundle.getBundle(BUNDLE, Locale.GERMANY, Messages.class.getClassLoader()).getClass())
            .isEqualTo(bundle.getClass());

        Properties file = new Properties();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(BUNDLE.replace('.', '/') + ".properties")) {
            assertThat(in).as("the driver's own file").isNotNull();
            file.load(in);
        }
        assertThat(file).hasSizeGreaterThan(1000);
        TreeMap<String, String> fromClass = new TreeMap<>();
        Collections.list(bundle.getKeys()).forEach(key -> fromClass.put(key, bundle.getString(key)));
        TreeMap<String, String> fromFile = new TreeMap<>();
        file.stringPropertyNames().forEach(key -> fromFile.put(key, file.getProperty(key)));
        assertThat(fromClass).isEqualTo(fromFile);
        // texts with quotes and line breaks came through as the file has them
        assertThat(fromFile.values()).anyMatch(v -> v.contains("'")).anyMatch(v -> v.contains("\""))
            .anyMatch(v -> v.contains("\n"));
    }

    @Test
    void theDriversMessagesReadAsBefore() {
        assertThat(Messages.getString("Connection.exceededConnectionLifetime"))
            .isEqualTo(fromFile("Connection.exceededConnectionLifetime"));
        assertThat(Messages.getString("no.such.message.key")).isEqualTo("!no.such.message.key!");
    }

    private static String fromFile(String key) {
        Properties file = new Properties();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(BUNDLE.replace('.', '/') + ".properties")) {
            file.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return file.getProperty(key);
    }
}

package de.digitalcheck.portal.shared.validation;

import de.digitalcheck.portal.shared.web.Csrf;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import jakarta.validation.Constraint;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every constraint of every form of the portal has a message key of the language files. */
class FormMessagesTest {

    @Test
    void everyFormConstraintsMessageIsAKeyOfTheLanguageFiles() throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/i18n/messages.properties")) {
            messages.load(in);
        }
        Collection<BeanIntrospection<Object>> forms = BeanIntrospector.SHARED.findIntrospections(reference ->
            reference.getBeanType().getName().startsWith("de.digitalcheck.portal.")
                && Csrf.Form.class.isAssignableFrom(reference.getBeanType()));
        assertThat(forms).extracting(f -> f.getBeanType().getSimpleName())
            .contains("ProfileForm", "AgencyForm", "FundingForm", "CoachForm", "ContactForm", "TokenForm");
        List<String> keys = new ArrayList<>();
        forms.forEach(form -> form.getBeanProperties().forEach(property -> {
            for (AnnotationValue<?> constraint : property.getAnnotationMetadata()
                .getAnnotationValuesByStereotype(Constraint.class.getName())) {
                keys.add(form.getBeanType().getSimpleName() + "." + property.getName() + ": "
                    + constraint.stringValue("message").orElse("(none)"));
            }
        }));
        assertThat(keys).hasSizeGreaterThan(20).allSatisfy(k -> assertThat(messages).containsKey(k.substring(k.indexOf(": ") + 2)));
    }
}

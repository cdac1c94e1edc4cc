package de.digitalcheck.portal.shared.validation;

import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Checks a form record's Bean Validation constraints and reports each broken one as a {@link FieldError}: the field
 * is the record component's name (the name the form posts it under), the key is the constraint's message, which must
 * be one of the portal's message keys ({@code message = "error.required"}), and the arguments are the constraint's
 * {@code max} or {@code value} where it has one (e.g. the longest length allowed). The errors come in the order of
 * the record's components and, for one component, of its constraint annotations: a page shows a field's first error.
 *
 * <p>Beyond the annotations, every text component keeps {@link TextRules}' character rule (single-line unless marked
 * {@link MultiLine}), reported before the component's other errors; {@code @NotBlank} also refuses a text of
 * no-break and zero-width spaces only, which shows nothing ({@link TextRules#namesSomething}); and {@code @Size} counts
 * characters as users see them (code points: an emoji is one), not UTF-16 units.
 */
@Singleton
public class FormValidation {

    private final Validator validator;

    FormValidation(Validator validator) {
        this.validator = validator;
    }

    /** A form value as the page keeps it: never null, without surrounding whitespace. */
    public static String text(String value) {
        return value == null ? "" : value.strip();
    }

    public List<FieldError> errors(Record form) {
        return errors(form, UnaryOperator.identity());
    }

    /** As {@link #errors(Record)}, naming each field by {@code fieldNames} (component name → the page's name). */
    public List<FieldError> errors(Record form, UnaryOperator<String> fieldNames) {
        RecordComponent[] recordComponents = form.getClass().getRecordComponents();
        List<String> components = Arrays.stream(recordComponents).map(RecordComponent::getName).toList();
        List<ConstraintViolation<Record>> violations = validator.validate(form).stream()
            .filter(v -> !withinSizeInCharacters(v))
            .sorted(Comparator.<ConstraintViolation<Record>>comparingInt(v -> components.indexOf(component(v)))
                .thenComparingInt(v -> declared(form.getClass(), component(v), v)))
            .toList();
        List<FieldError> errors = new ArrayList<>();
        for (RecordComponent component : recordComponents) {
            Optional<String> characters = characters(form, component);
            characters.ifPresent(key -> errors.add(FieldError.of(fieldNames.apply(component.getName()), key)));
            if (characters.isEmpty()) {
                blankToTheEye(form, component).ifPresent(key -> errors.add(FieldError.of(fieldNames.apply(component.getName()), key)));
            }
            violations.stream().filter(v -> component(v).equals(component.getName()))
                .forEach(v -> errors.add(new FieldError(fieldNames.apply(component(v)), key(v), args(v))));
        }
        violations.stream().filter(v -> !components.contains(component(v)))
            .forEach(v -> errors.add(new FieldError(fieldNames.apply(component(v)), key(v), args(v))));
        return List.copyOf(errors);
    }

    /** The character rule's error key for a text component that breaks it. */
    private static Optional<String> characters(Record form, RecordComponent component) {
        if (component.getType() != String.class) {
            return Optional.empty();
        }
        return TextRules.refusal(text(form, component), component.isAnnotationPresent(MultiLine.class));
    }

    /**
     * {@code @NotBlank}'s message for a text that Bean Validation finds filled but that shows nothing
     * ({@link TextRules#namesSomething}: no-break and zero-width spaces alone — an invitation or a coach's name of them
     * read as empty in every list and mail); Bean Validation itself already reports the empty and the blank ones.
     */
    private static Optional<String> blankToTheEye(Record form, RecordComponent component) {
        if (component.getType() != String.class) {
            return Optional.empty();
        }
        NotBlank notBlank;
        try {
            notBlank = form.getClass().getDeclaredField(component.getName())
                .getAnnotation(NotBlank.class);
        } catch (NoSuchFieldException e) {
            return Optional.empty();
        }
        String value = text(form, component);
        if (notBlank == null || value == null || value.isBlank() || TextRules.namesSomething(value)) {
            return Optional.empty();
        }
        if (notBlank.message().startsWith("{")) {
            throw new IllegalStateException("@NotBlank of " + form.getClass().getSimpleName() + "." + component.getName()
                + " needs a message key of the portal");
        }
        return Optional.of(notBlank.message());
    }

    private static String text(Record form, RecordComponent component) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true); // forms are package-private records
            return (String) accessor.invoke(form);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + form.getClass(), e);
        }
    }

    /** A {@code @Size} broken by UTF-16 units only: within its bounds counted in code points. */
    private static boolean withinSizeInCharacters(ConstraintViolation<?> violation) {
        if (!(violation.getConstraintDescriptor().getAnnotation() instanceof Size size)
            || !(violation.getInvalidValue() instanceof CharSequence text)) {
            return false;
        }
        int length = TextRules.length(text.toString());
        return length >= size.min() && length <= size.max();
    }

    private static String component(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().iterator().next().getName();
    }

    private static String key(ConstraintViolation<?> violation) {
        String key = violation.getMessageTemplate();
        if (key.startsWith("{")) {
            throw new IllegalStateException("constraint " + violation.getConstraintDescriptor().getAnnotation()
                + " of " + violation.getRootBeanClass().getSimpleName() + " needs a message key of the portal");
        }
        return key;
    }

    private static List<Object> args(ConstraintViolation<?> violation) {
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        for (String name : List.of("max", "value")) {
            if (attributes.containsKey(name)) {
                return List.of(attributes.get(name));
            }
        }
        return List.of();
    }

    /** Where the violated constraint is declared among the component's annotations. */
    private static int declared(Class<?> type, String component, ConstraintViolation<?> violation) {
        Class<? extends Annotation> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        try {
            Annotation[] annotations = type.getDeclaredField(component).getAnnotations();
            for (int i = 0; i < annotations.length; i++) {
                if (annotations[i].annotationType() == constraint) {
                    return i;
                }
            }
        } catch (NoSuchFieldException e) {
            // a constraint on an accessor only: after those on the field
        }
        return Integer.MAX_VALUE;
    }
}

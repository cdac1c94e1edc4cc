package de.digitalcheck.portal;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospectionReference;
import io.micronaut.core.beans.exceptions.IntrospectionException;

import java.lang.reflect.InvocationTargetException;

/**
 * A reference to one of the jar's introspections that knows its bean type from the build's index
 * ({@link ServiceIndex#INTROSPECTIONS}) and loads the introspection's class when the introspection is first used.
 *
 * <p>Micronaut keys the introspections by bean type. At the first look-up of any introspection it collects all of them
 * (387 in the jar) and asks each for its name, which loads, links and initialises every introspection class (their
 * annotation metadata, properties and methods), although the start uses a few dozen. This reference answers what
 * Micronaut asks of all of them — the name, whether it is present, the bean type — as Micronaut's own would (the
 * introspection's {@code getName()} is its bean type's name, {@code isPresent()} is always true), and makes the
 * introspection itself for everything else.
 */
final class LazyIntrospection<T> implements BeanIntrospectionReference<T> {

    private final String beanType;
    private final String introspection;
    private final ClassLoader loader;
    private BeanIntrospectionReference<T> reference;

    LazyIntrospection(String beanType, String introspection, ClassLoader loader) {
        this.beanType = beanType;
        this.introspection = introspection;
        this.loader = loader;
    }

    @Override
    public String getName() {
        return beanType;
    }

    @Override
    public boolean isPresent() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<T> getBeanType() {
        try {
            return (Class<T>) Class.forName(beanType, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IntrospectionException("the bean type " + beanType + " of " + introspection + " is not there", e);
        }
    }

    @Override
    public BeanIntrospection<T> load() {
        return reference().load();
    }

    @Override
    public AnnotationMetadata getAnnotationMetadata() {
        return reference().getAnnotationMetadata();
    }

    /** The introspection, made at the first call (as Micronaut makes it: by its public constructor). */
    @SuppressWarnings("unchecked")
    synchronized BeanIntrospectionReference<T> reference() {
        if (reference == null) {
            try {
                reference = (BeanIntrospectionReference<T>) Class.forName(introspection, true, loader)
                    .getConstructor().newInstance();
            } catch (InvocationTargetException e) {
                throw new IntrospectionException("the introspection " + introspection + " cannot be made", e.getCause());
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new IntrospectionException("the introspection " + introspection + " cannot be made", e);
            }
        }
        return reference;
    }

    @Override
    public String toString() {
        return introspection + " (" + beanType + ")";
    }
}

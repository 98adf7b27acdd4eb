package io.tandem.application;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;

/**
 * At most {@code max} characters (text) or elements (a list): the size cap of a request record's component.
 * Stands in for {@code @Size} there, which Payara's OpenAPI scanner cannot read on a record's constructor
 * (payara/Payara#7649: the whole {@code /openapi} document failed).
 */
@Documented
@Constraint(validatedBy = MaxSize.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxSize {

    int value();

    String message() default "size must be between 0 and {value}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null passes (a missing value is another rule's). */
    final class Check implements ConstraintValidator<MaxSize, Object> {
        private int max;

        @Override
        public void initialize(MaxSize a) {
            max = a.value();
        }

        @Override
        public boolean isValid(Object v, ConstraintValidatorContext context) {
            if (v instanceof CharSequence s) {
                return s.length() <= max;
            }
            if (v instanceof Collection<?> c) {
                return c.size() <= max;
            }
            return true;
        }
    }
}

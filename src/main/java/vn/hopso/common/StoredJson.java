package vn.hopso.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The {@code ObjectMapper} for JSON the application stored itself (agenda snapshots): the
 * application's mapper, but tolerant of what older or newer code wrote. A field that a later
 * version removed is ignored and a number field it added reads as zero, where the {@link
 * StrictJson} policy for request bodies would refuse both. Inject it as {@code @Inject @StoredJson
 * ObjectMapper json}; produced by {@link StrictJson#stored}.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE})
public @interface StoredJson {}

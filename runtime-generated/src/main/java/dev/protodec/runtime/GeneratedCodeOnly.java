package dev.protodec.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Public only because generated code, which lives in the schema's packages, calls it: not part of the
 * runtime's API. It may change or go away in any release, and calling it by hand can break what a
 * message or reader relies on (a reused element left uncleared, a limit not restored, a wrong length).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface GeneratedCodeOnly {}

package dev.remedia.workflows.runbook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents one field of a runbook input record for the catalog's input schema. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface InputField {

  /** What the field means, for people filling it in. */
  String description();

  /** Whether a caller must give it; optional fields get their default in the record's constructor. */
  boolean required() default false;
}

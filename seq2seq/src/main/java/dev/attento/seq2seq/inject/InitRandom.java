package dev.attento.seq2seq.inject;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the seeded generator that initialises parameters. Components draw from it in
 * the fixed order Guice builds them (encoder, decoder, translator), so a seed fixes every
 * initial weight.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.METHOD, ElementType.FIELD})
public @interface InitRandom {}

package dev.protodec.codegen.generator;

/**
 * One Java source file the generator wrote.
 *
 * @param relativePath path below the output directory, with '/' separators ({@code com/example/Foo.java})
 * @param content the complete source text
 */
public record GeneratedFile(String relativePath, String content) {}

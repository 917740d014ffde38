/**
 * The schema as the generator sees it: immutable info objects built from protoc's descriptors that
 * compute every Java name, tag, presence bit and encoding decision up front, so that the generators in
 * {@code dev.protodec.codegen.generator} only emit code.
 */
package dev.protodec.codegen.model;

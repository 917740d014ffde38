/**
 * The plugin's goals, {@code generate} and {@code generate-test}. Each Mojo only reads its
 * parameters and the project into a {@link dev.protodec.codegen.orchestration.GenerationRequest},
 * hands it to the injected orchestrator, and registers the output directories with the project.
 */
package dev.protodec.codegen.mojo;

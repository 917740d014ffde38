/**
 * Skipping work that would produce what is already there: a SHA-256 fingerprint over everything
 * that decides the output, stored beside the build's other state and compared on the next run.
 */
package dev.protodec.codegen.incremental;

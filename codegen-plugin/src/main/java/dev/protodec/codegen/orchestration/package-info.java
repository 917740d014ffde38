/**
 * One run of the plugin from request to written sources: scan, check the fingerprint, resolve and
 * run protoc, call the generator, write its files. The Mojos only build the request.
 */
package dev.protodec.codegen.orchestration;

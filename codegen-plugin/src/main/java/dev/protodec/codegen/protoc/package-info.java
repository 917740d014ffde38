/**
 * Getting and running protoc: the platform classifier, resolving {@code com.google.protobuf:protoc}
 * through Maven's own repository system, running it, and turning its messages into paths an IDE can
 * open.
 */
package dev.protodec.codegen.protoc;

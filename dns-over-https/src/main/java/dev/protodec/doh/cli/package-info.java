/**
 * The command: {@code java -jar protodec-doh.jar serve [flags]} (picocli). {@link
 * dev.protodec.doh.cli.ServeCommand} turns flags into a {@link dev.protodec.doh.resolver.ResolverConfig}
 * and a {@link dev.protodec.doh.server.DohServerConfig} ({@link
 * dev.protodec.doh.cli.ServeCommand#configs()}, testable without starting anything), then runs the
 * resolver, the DoH front and the metrics endpoint until SIGTERM or SIGINT, which drain and exit 0.
 */
package dev.protodec.doh.cli;

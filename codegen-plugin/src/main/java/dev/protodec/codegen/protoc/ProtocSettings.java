package dev.protodec.codegen.protoc;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Which protoc to run and where to get it.
 *
 * @param version the version of {@code com.google.protobuf:protoc} to resolve
 * @param executable a protoc the user installed; when present nothing is resolved
 * @param session the build's repository session (local repository, offline mode, mirrors)
 * @param repositories the project's remote repositories
 */
public record ProtocSettings(
    String version,
    Optional<Path> executable,
    RepositorySystemSession session,
    List<RemoteRepository> repositories) {

  public ProtocSettings {
    repositories = List.copyOf(repositories);
  }
}

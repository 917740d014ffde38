package dev.protodec.codegen.protoc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Finds the protoc binary: the user's own, or {@code com.google.protobuf:protoc:<version>:exe:<platform>}
 * resolved like any other artifact (so mirrors, proxies and offline mode apply) and copied where it
 * may be made executable.
 */
@Named
@Singleton
public final class ProtocResolver {
  private final RepositorySystem repositorySystem;

  @Inject
  public ProtocResolver(RepositorySystem repositorySystem) {
    this.repositorySystem = repositorySystem;
  }

  /**
   * The protoc to run.
   *
   * @param installDir where a resolved protoc is copied to and made executable
   */
  public Path executable(ProtocSettings settings, Path installDir) throws ProtocException, IOException {
    if (settings.executable().isPresent()) {
      Path own = settings.executable().get();
      if (!Files.isRegularFile(own)) {
        throw new ProtocException("protocExecutable " + own + " is not a file");
      }
      return own;
    }
    String classifier = PlatformClassifier.current().orElseThrow(() -> new ProtocException(
        "protoc is not published for this platform (os.name=" + System.getProperty("os.name")
            + ", os.arch=" + System.getProperty("os.arch") + "). Install protoc "
            + settings.version() + " yourself and set <protocExecutable> "
            + "(or -Dprotodec.protocExecutable=/path/to/protoc)."));
    Path resolved = resolve(settings, classifier);
    return install(resolved, installDir.resolve("protoc-" + settings.version() + "-" + classifier + ".exe"));
  }

  private Path resolve(ProtocSettings settings, String classifier) throws ProtocException {
    DefaultArtifact artifact =
        new DefaultArtifact("com.google.protobuf", "protoc", classifier, "exe", settings.version());
    ArtifactRequest request = new ArtifactRequest(artifact, settings.repositories(), null);
    try {
      return repositorySystem.resolveArtifact(settings.session(), request).getArtifact().getFile().toPath();
    } catch (ArtifactResolutionException e) {
      throw new ProtocException("Cannot resolve " + artifact + ": " + e.getMessage()
          + ". Check <protocVersion>, or set <protocExecutable> to a protoc you installed.", e);
    }
  }

  private static Path install(Path source, Path target) throws IOException {
    if (!Files.isRegularFile(target) || Files.size(target) != Files.size(source)) {
      Files.createDirectories(target.getParent());
      Path partial = target.resolveSibling(target.getFileName() + ".part");
      Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isExecutable(target) && !target.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + target + " executable");
    }
    return target;
  }
}

package dev.protodec.benchmark.harness;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The message types of a descriptor set with imports (protoc {@code --include_imports}). */
public final class Schema {
  private final Map<String, Descriptor> messages = new HashMap<>();

  private Schema(FileDescriptorSet set) throws DescriptorValidationException {
    Map<String, FileDescriptorProto> protos = new HashMap<>();
    set.getFileList().forEach(file -> protos.put(file.getName(), file));
    Map<String, FileDescriptor> built = new HashMap<>();
    for (FileDescriptorProto file : set.getFileList()) {
      build(file.getName(), protos, built);
    }
    built.values().forEach(file -> file.getMessageTypes().forEach(this::add));
  }

  public static Schema read(Path descriptorSet) throws IOException {
    try {
      return new Schema(FileDescriptorSet.parseFrom(Files.readAllBytes(descriptorSet)));
    } catch (DescriptorValidationException e) {
      throw new IOException("descriptor set " + descriptorSet + " is not valid: " + e.getMessage(), e);
    }
  }

  /** The type, or an exception listing the types that exist. */
  public Descriptor message(String fullName) {
    Descriptor type = messages.get(fullName);
    if (type == null) {
      throw new IllegalArgumentException("no message type " + fullName + " in the schema; the types are: "
          + String.join(", ", new TreeSet<>(messages.keySet())));
    }
    return type;
  }

  private void add(Descriptor type) {
    messages.put(type.getFullName(), type);
    type.getNestedTypes().forEach(this::add);
  }

  private static FileDescriptor build(String name, Map<String, FileDescriptorProto> protos,
      Map<String, FileDescriptor> built) throws DescriptorValidationException {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = protos.get(name);
    List<FileDescriptor> dependencies = new ArrayList<>();
    for (String dependency : proto.getDependencyList()) {
      dependencies.add(build(dependency, protos, built));
    }
    FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
    built.put(name, file);
    return file;
  }
}

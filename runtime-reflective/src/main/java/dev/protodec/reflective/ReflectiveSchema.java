package dev.protodec.reflective;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A schema loaded at run time from a {@code FileDescriptorSet}: every file built into a {@link
 * FileDescriptor} (imports first), and every message type, nested ones included, found by its full name.
 *
 * <p>No generated class is involved: the descriptors come from the set alone, so they are not the
 * instances that protobuf-java's generated classes hold, and messages built on them are {@link
 * com.google.protobuf.DynamicMessage}s.
 *
 * <pre>{@code
 * ReflectiveSchema schema = ReflectiveSchema.fromResource("META-INF/protodec/my-schemas.desc");
 * Descriptor order = schema.messageType("shop.v1.Order");
 * }</pre>
 *
 * <p>Immutable and safe to share between threads.
 */
public final class ReflectiveSchema {
  private final List<FileDescriptor> files;
  private final Map<String, Descriptor> messageTypes;

  private ReflectiveSchema(List<FileDescriptor> files) {
    this.files = List.copyOf(files);
    Map<String, Descriptor> types = new TreeMap<>();
    for (FileDescriptor file : files) {
      for (Descriptor type : file.getMessageTypes()) {
        index(type, types);
      }
    }
    this.messageTypes = Collections.unmodifiableMap(types);
  }

  /**
   * Builds every file of {@code set}.
   *
   * @throws SchemaException if a file imports one the set does not hold, files import each other in a
   *     cycle, a file is listed twice, or a file is not valid
   */
  public static ReflectiveSchema of(FileDescriptorSet set) {
    return new ReflectiveSchema(new Builder(set).buildAll());
  }

  /** Parses an encoded {@code FileDescriptorSet} (as protoc's {@code --descriptor_set_out} writes it). */
  public static ReflectiveSchema fromBytes(byte[] descriptorSet) {
    try {
      return of(FileDescriptorSet.parseFrom(descriptorSet));
    } catch (InvalidProtocolBufferException e) {
      throw SchemaException.unreadable("the given bytes", e);
    }
  }

  /**
   * Reads an encoded {@code FileDescriptorSet} to the end of {@code in}; does not close it.
   *
   * @throws IOException if {@code in} cannot be read
   */
  public static ReflectiveSchema fromStream(InputStream in) throws IOException {
    return fromBytes(in.readAllBytes());
  }

  /**
   * Loads the set from a class path resource through the class loader that loaded this class, such as
   * {@code META-INF/protodec/<artifactId>.desc} written by protodec's {@code writeDescriptorSet}.
   */
  public static ReflectiveSchema fromResource(String resource) {
    return fromResource(ReflectiveSchema.class.getClassLoader(), resource);
  }

  /**
   * Loads the set from a resource of {@code loader}. The name has no leading {@code /}, as {@link
   * ClassLoader#getResourceAsStream} expects.
   *
   * @throws SchemaException if there is no such resource or it is not a valid set
   */
  public static ReflectiveSchema fromResource(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw SchemaException.resourceNotFound(resource, loader);
      }
      return fromBytes(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read resource " + resource, e);
    }
  }

  /** Every file of the set, each after the files it imports. */
  public List<FileDescriptor> files() {
    return files;
  }

  /**
   * The message type with this full name ({@code package.Outer.Inner}; a leading {@code .}, as in
   * descriptor type names, is accepted).
   *
   * @throws SchemaException naming the known types if there is none
   */
  public Descriptor messageType(String fullName) {
    Descriptor type = messageTypes.get(stripLeadingDot(fullName));
    if (type == null) {
      throw SchemaException.unknownMessageType(fullName, messageTypes.keySet());
    }
    return type;
  }

  /** Like {@link #messageType} but empty if the schema has no such type. */
  public Optional<Descriptor> findMessageType(String fullName) {
    return Optional.ofNullable(messageTypes.get(stripLeadingDot(fullName)));
  }

  /** The full names of every message type, nested ones included, sorted. */
  public List<String> messageTypeNames() {
    return List.copyOf(messageTypes.keySet());
  }

  private static void index(Descriptor type, Map<String, Descriptor> types) {
    types.put(type.getFullName(), type);
    for (Descriptor nested : type.getNestedTypes()) {
      index(nested, types);
    }
  }

  private static String stripLeadingDot(String name) {
    return name.startsWith(".") ? name.substring(1) : name;
  }

  /** Builds files depth first so that each file's imports are built before it. */
  private static final class Builder {
    private final Map<String, FileDescriptorProto> protos = new LinkedHashMap<>();
    private final Map<String, FileDescriptor> built = new LinkedHashMap<>();
    /** The files being built, innermost last: the current import path, to report a cycle. */
    private final List<String> inProgress = new ArrayList<>();

    Builder(FileDescriptorSet set) {
      for (FileDescriptorProto proto : set.getFileList()) {
        if (protos.putIfAbsent(proto.getName(), proto) != null) {
          throw SchemaException.duplicateFile(proto.getName());
        }
      }
    }

    List<FileDescriptor> buildAll() {
      for (String name : protos.keySet()) {
        build(name);
      }
      return new ArrayList<>(built.values());
    }

    private FileDescriptor build(String name) {
      FileDescriptor done = built.get(name);
      if (done != null) {
        return done;
      }
      int cycleStart = inProgress.indexOf(name);
      if (cycleStart >= 0) {
        List<String> cycle = new ArrayList<>(inProgress.subList(cycleStart, inProgress.size()));
        cycle.add(name);
        throw SchemaException.importCycle(cycle);
      }
      FileDescriptorProto proto = protos.get(name);
      inProgress.add(name);
      FileDescriptor[] dependencies = new FileDescriptor[proto.getDependencyCount()];
      for (int i = 0; i < dependencies.length; i++) {
        String dependency = proto.getDependency(i);
        if (!protos.containsKey(dependency)) {
          throw SchemaException.missingDependency(name, dependency);
        }
        dependencies[i] = build(dependency);
      }
      inProgress.remove(inProgress.size() - 1);
      try {
        FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies);
        built.put(name, file);
        return file;
      } catch (DescriptorValidationException e) {
        throw SchemaException.invalidFile(name, e);
      }
    }
  }
}

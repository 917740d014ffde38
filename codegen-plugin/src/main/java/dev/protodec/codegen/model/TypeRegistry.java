package dev.protodec.codegen.model;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.Edition;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.JavaFeaturesProto;
import com.google.protobuf.JavaFeaturesProto.JavaFeatures;
import com.google.protobuf.JavaFeaturesProto.JavaFeatures.NestInFileClassFeature.NestInFileClass;
import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Every message and enum of a descriptor set by full name, with its Java class. Built in two passes:
 * names first (so fields can refer to any type, in any file), then field types and required-field
 * reachability.
 */
public final class TypeRegistry {
  private final Map<String, MessageInfo> messages = new HashMap<>();
  private final Map<String, EnumInfo> enums = new HashMap<>();
  private final Map<String, FileInfo> files = new LinkedHashMap<>();
  /** The file that declares each message and enum, by full name. */
  private final Map<String, String> declaringFile = new HashMap<>();
  private final Set<String> generated;
  /** Full names of the map entry types of every file, found before any field is modelled. */
  private final Set<String> mapEntryTypes = new HashSet<>();

  private TypeRegistry(Set<String> generated) {
    this.generated = generated;
  }

  /**
   * @param generated the proto paths this run writes code for; every other file's types are
   *     referred to where their classes already are: the runtime's well-known types in {@value
   *     ShippedTypes#JAVA_PACKAGE}, anything else in its (replaced) package, found on the class path
   * @param javaPackages maps a file's Java package to the one generated into ({@code replacePackages})
   */
  public static TypeRegistry build(FileDescriptorSet set, Set<String> generated,
      UnaryOperator<String> javaPackages) throws ModelException {
    TypeRegistry registry = new TypeRegistry(Set.copyOf(generated));
    for (FileDescriptorProto file : set.getFileList()) {
      String prefix = file.getPackage().isEmpty() ? "." : "." + file.getPackage() + ".";
      for (DescriptorProto message : file.getMessageTypeList()) {
        registry.collectMapEntries(prefix + message.getName(), message);
      }
    }
    for (FileDescriptorProto file : set.getFileList()) {
      registry.addFile(file, javaPackages);
    }
    registry.resolveFieldTypes();
    for (MessageInfo message : registry.messages.values()) {
      MemberNames.assign(message);
      for (FieldInfo field : message.fields) {
        field.defaults = DefaultValue.of(message, field);
      }
    }
    for (FileDescriptorProto file : set.getFileList()) {
      registry.addServices(file);
    }
    registry.markRequiredReachability();
    return registry;
  }

  private static boolean isEdition2024OrLater(FileDescriptorProto file) {
    return file.getSyntax().equals("editions") && file.getEdition().getNumber() >= Edition.EDITION_2024_VALUE;
  }

  /**
   * The file's {@code (pb.java)} features: the extension (number 1001) of its FeatureSet, which protoc's
   * descriptors carry as an unknown field here (no extension registry is needed for one message).
   */
  private static JavaFeatures javaFeatures(FileDescriptorProto file) {
    var field = file.getOptions().getFeatures().getUnknownFields().getField(JavaFeaturesProto.JAVA_FIELD_NUMBER);
    if (field == null || field.getLengthDelimitedList().isEmpty()) {
      return JavaFeatures.getDefaultInstance();
    }
    try {
      return JavaFeatures.parseFrom(field.getLengthDelimitedList().get(field.getLengthDelimitedList().size() - 1));
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      return JavaFeatures.getDefaultInstance();
    }
  }

  private void collectMapEntries(String fullName, DescriptorProto message) {
    if (message.getOptions().getMapEntry()) {
      mapEntryTypes.add(fullName);
    }
    for (DescriptorProto nested : message.getNestedTypeList()) {
      collectMapEntries(fullName + "." + nested.getName(), nested);
    }
  }

  public FileInfo file(String protoPath) throws ModelException {
    FileInfo file = files.get(protoPath);
    if (file == null) {
      throw new ModelException(protoPath + " is not in protoc's descriptor set");
    }
    return file;
  }

  private void addFile(FileDescriptorProto file, UnaryOperator<String> javaPackages)
      throws ModelException {
    String syntax = file.getSyntax().isEmpty() ? "proto2" : file.getSyntax();
    Features features = Features.of(file);
    var fileOptions = file.getOptions();
    String protoPackage = file.getPackage();
    String javaPackage = !generated.contains(file.getName()) && ShippedTypes.isShipped(file.getName())
        ? ShippedTypes.JAVA_PACKAGE
        : javaPackages.apply(fileOptions.hasJavaPackage() ? fileOptions.getJavaPackage() : protoPackage);
    // from edition 2024 on, types are top-level classes unless (pb.java).nest_in_file_class says YES
    boolean multipleFiles = isEdition2024OrLater(file)
        ? javaFeatures(file).getNestInFileClass() != NestInFileClass.YES
        : fileOptions.getJavaMultipleFiles();
    String outer = outerClassName(file);
    FileInfo info = new FileInfo(file.getName(), syntax, javaPackage, outer, multipleFiles);
    files.put(file.getName(), info);

    boolean checkUtf8 = fileOptions.getJavaStringCheckUtf8();
    Comments comments = new Comments(file);
    String prefix = protoPackage.isEmpty() ? "." : "." + protoPackage + ".";
    for (int i = 0; i < file.getMessageTypeCount(); i++) {
      DescriptorProto message = file.getMessageType(i);
      ClassName className =
          multipleFiles
              ? ClassName.get(javaPackage, Names.className(message.getName()))
              : ClassName.get(javaPackage, outer, Names.className(message.getName()));
      info.messages.add(
          addMessage(prefix + message.getName(), className, message, syntax, features, checkUtf8,
              comments, List.of(4, i), file.getName()));
    }
    for (int i = 0; i < file.getEnumTypeCount(); i++) {
      EnumDescriptorProto e = file.getEnumType(i);
      ClassName className =
          multipleFiles
              ? ClassName.get(javaPackage, Names.className(e.getName()))
              : ClassName.get(javaPackage, outer, Names.className(e.getName()));
      info.enums.add(
          addEnum(prefix + e.getName(), className, e, features, comments, List.of(5, i), file.getName()));
    }
  }

  private MessageInfo addMessage(String fullName, ClassName className, DescriptorProto proto,
      String syntax, Features parent, boolean checkUtf8, Comments comments, List<Integer> path,
      String protoPath) {
    Features features = parent.with(proto.getOptions().getFeatures());
    MessageInfo info = new MessageInfo(fullName, className, proto, syntax, features, checkUtf8,
        mapEntryTypes, comments, path);
    messages.put(fullName, info);
    declaringFile.put(fullName, protoPath);
    for (int i = 0; i < proto.getNestedTypeCount(); i++) {
      DescriptorProto nested = proto.getNestedType(i);
      info.nestedMessages.add(
          addMessage(fullName + "." + nested.getName(),
              className.nestedClass(Names.className(nested.getName())), nested, syntax, features,
              checkUtf8, comments, Comments.child(path, 3, i), protoPath));
    }
    for (int i = 0; i < proto.getEnumTypeCount(); i++) {
      EnumDescriptorProto nested = proto.getEnumType(i);
      info.nestedEnums.add(
          addEnum(fullName + "." + nested.getName(),
              className.nestedClass(Names.className(nested.getName())), nested, features, comments,
              Comments.child(path, 4, i), protoPath));
    }
    return info;
  }

  private EnumInfo addEnum(String fullName, ClassName className, EnumDescriptorProto proto,
      Features parent, Comments comments, List<Integer> path, String protoPath) {
    boolean open = parent.with(proto.getOptions().getFeatures()).openEnums();
    EnumInfo info = new EnumInfo(fullName, className, proto, open, comments, path);
    enums.put(fullName, info);
    declaringFile.put(fullName, protoPath);
    return info;
  }

  private void addServices(FileDescriptorProto file) throws ModelException {
    FileInfo info = files.get(file.getName());
    Comments comments = new Comments(file);
    for (int i = 0; i < file.getServiceCount(); i++) {
      ServiceDescriptorProto service = file.getService(i);
      List<MethodInfo> methods = new ArrayList<>();
      for (int j = 0; j < service.getMethodCount(); j++) {
        MethodDescriptorProto method = service.getMethod(j);
        methods.add(new MethodInfo(method.getName(), MethodInfo.javaName(method.getName()),
            MethodInfo.descriptorConstant(method.getName()),
            serviceMessage(service, method, method.getInputType()),
            serviceMessage(service, method, method.getOutputType()),
            method.getClientStreaming(), method.getServerStreaming(),
            comments.forPath(List.of(6, i, 2, j))));
      }
      info.services.add(ServiceInfo.of(file.getPackage(), info.javaPackage, service.getName(),
          comments.forPath(List.of(6, i)), methods));
    }
  }

  private MessageInfo serviceMessage(ServiceDescriptorProto service, MethodDescriptorProto method,
      String typeName) throws ModelException {
    MessageInfo message = messages.get(typeName);
    if (message == null) {
      throw new ModelException(service.getName() + "." + method.getName()
          + " refers to unknown message " + typeName);
    }
    return message;
  }

  /**
   * protoc's rule: {@code java_outer_classname}, else the file name in CamelCase, with {@code OuterClass}
   * appended when a top-level type has that name already.
   */
  private static String outerClassName(FileDescriptorProto file) {
    if (file.getOptions().hasJavaOuterClassname()) {
      return file.getOptions().getJavaOuterClassname();
    }
    String name = Names.outerClassName(file.getName());
    if (isEdition2024OrLater(file) && !javaFeatures(file).getUseOldOuterClassnameDefault()) {
      return name + "Proto"; // protobuf-java's default from edition 2024 on
    }
    Set<String> topLevel = new HashSet<>();
    file.getMessageTypeList().forEach(m -> topLevel.add(m.getName()));
    file.getEnumTypeList().forEach(e -> topLevel.add(e.getName()));
    file.getServiceList().forEach(s -> topLevel.add(s.getName()));
    return topLevel.contains(name) ? name + "OuterClass" : name;
  }

  private void resolveFieldTypes() throws ModelException {
    for (MessageInfo message : messages.values()) {
      for (FieldInfo field : message.fields) {
        String typeName = field.proto.getTypeName();
        if (field.isMessage()) {
          field.messageType = messages.get(typeName);
          if (field.messageType == null) {
            throw new ModelException(message.fullName + "." + field.protoName
                + " refers to unknown message " + typeName);
          }
        } else if (field.kind == Kind.ENUM) {
          field.enumType = enums.get(typeName);
          if (field.enumType == null) {
            throw new ModelException(message.fullName + "." + field.protoName
                + " refers to unknown enum " + typeName);
          }
        }
      }
    }
  }

  /**
   * The fields of generated messages whose types have no class from this run or the runtime, in a
   * stable order: the caller checks that the class path has each.
   */
  public List<ExternalReference> externalReferences() {
    List<ExternalReference> references = new ArrayList<>();
    for (MessageInfo message : messages.values()) {
      if (!generated.contains(declaringFile.get(message.fullName))) {
        continue;
      }
      for (FieldInfo field : message.fields) {
        String typeName = field.isMessage() ? field.messageType.fullName
            : field.kind == Kind.ENUM ? field.enumType.fullName : null;
        ClassName className = field.isMessage() ? field.messageType.className
            : field.kind == Kind.ENUM ? field.enumType.className : null;
        if (typeName == null) {
          continue;
        }
        String protoPath = declaringFile.get(typeName);
        if (generated.contains(protoPath) || ShippedTypes.isShipped(protoPath)) {
          continue;
        }
        references.add(new ExternalReference(message.fullName.substring(1) + "." + field.protoName,
            typeName.substring(1), protoPath, className.reflectionName()));
      }
    }
    for (FileInfo file : files.values()) {
      if (!generated.contains(file.protoPath)) {
        continue;
      }
      for (ServiceInfo service : file.services) {
        for (MethodInfo method : service.methods()) {
          for (MessageInfo message : List.of(method.input(), method.output())) {
            String protoPath = declaringFile.get(message.fullName);
            if (!generated.contains(protoPath) && !ShippedTypes.isShipped(protoPath)) {
              references.add(new ExternalReference(service.fullName() + "." + method.protoName(),
                  message.fullName.substring(1), protoPath, message.className.reflectionName()));
            }
          }
        }
      }
    }
    references.sort(java.util.Comparator.comparing(ExternalReference::field));
    return references;
  }

  /** A message needs an initialization check if a required field is reachable from it. */
  private void markRequiredReachability() {
    Map<MessageInfo, List<MessageInfo>> containedBy = new HashMap<>();
    List<MessageInfo> work = new ArrayList<>();
    for (MessageInfo message : messages.values()) {
      for (FieldInfo field : message.fields) {
        if (field.messageType != null) {
          containedBy.computeIfAbsent(field.messageType, k -> new ArrayList<>()).add(message);
        }
        if (field.required && !message.needsInitializationCheck) {
          message.needsInitializationCheck = true;
          work.add(message);
        }
      }
    }
    while (!work.isEmpty()) {
      MessageInfo contained = work.remove(work.size() - 1);
      for (MessageInfo container : containedBy.getOrDefault(contained, List.of())) {
        if (!container.needsInitializationCheck) {
          container.needsInitializationCheck = true;
          work.add(container);
        }
      }
    }
  }
}

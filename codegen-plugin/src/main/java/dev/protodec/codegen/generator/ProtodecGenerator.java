package dev.protodec.codegen.generator;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.protodec.codegen.model.EnumInfo;
import dev.protodec.codegen.model.ExternalReference;
import dev.protodec.codegen.model.FileInfo;
import dev.protodec.codegen.model.MessageInfo;
import dev.protodec.codegen.model.ServiceInfo;
import dev.protodec.codegen.model.ModelException;
import dev.protodec.codegen.model.TypeRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/** Entry point of code generation: protoc's descriptor set in, Java sources out. */
public final class ProtodecGenerator {
  private final GeneratorOptions options;

  public ProtodecGenerator(GeneratorOptions options) {
    this.options = options;
  }

  /**
   * Generates the Java sources for the files named in {@code filesToGenerate}.
   *
   * @param set protoc's descriptor set ({@code --include_imports --include_source_info}): the files to
   *     generate and everything they import
   * @param filesToGenerate proto paths as protoc names them ({@code foo/bar.proto}); imports not named
   *     here are read but not generated
   */
  public List<GeneratedFile> generate(FileDescriptorSet set, Collection<String> filesToGenerate)
      throws GeneratorException {
    return generate(set, filesToGenerate, ExistingClasses.NONE);
  }

  /**
   * As {@link #generate(FileDescriptorSet, Collection)}, where a field whose type is neither
   * generated here nor shipped in the runtime refers to a protodec class in {@code classPath}.
   *
   * @throws GeneratorException naming the type and the fix when such a class is missing, rather
   *     than writing code that does not compile
   */
  public List<GeneratedFile> generate(FileDescriptorSet set, Collection<String> filesToGenerate,
      ExistingClasses classPath) throws GeneratorException {
    TypeRegistry registry;
    List<FileInfo> files = new ArrayList<>();
    try {
      registry = TypeRegistry.build(set, Set.copyOf(filesToGenerate), options::mapPackage);
      for (String path : filesToGenerate) {
        files.add(registry.file(path));
      }
    } catch (ModelException e) {
      throw new GeneratorException(e.getMessage());
    }
    for (ExternalReference reference : registry.externalReferences()) {
      requireClass(reference, classPath);
    }
    List<GeneratedFile> out = new ArrayList<>();
    for (FileInfo file : files) {
      for (TypeSpec type : topLevelTypes(file)) {
        out.add(toFile(file, type));
      }
      if (options.generateGrpc()) {
        for (ServiceInfo service : file.services) {
          out.add(toFile(file, new ServiceGenerator(service).generate()));
        }
      }
    }
    return out;
  }

  private static void requireClass(ExternalReference reference, ExistingClasses classPath)
      throws GeneratorException {
    String type = reference.field() + " refers to " + reference.typeName() + " from "
        + reference.protoPath() + ", which this run does not generate";
    String fix = " Generate it in this module with <generateImports>true</generateImports>, or depend"
        + " on the module that generates its protodec classes.";
    switch (classPath.lookup(reference.binaryName())) {
      case PROTODEC -> { }
      case ABSENT -> throw new GeneratorException(type + ", and the class path has no class "
          + reference.binaryName() + " for it." + fix);
      case OTHER -> throw new GeneratorException(type + ", and " + reference.binaryName()
          + " on the class path is not a protodec class (protobuf-java's?)." + fix
          + " Give protodec's classes a package of their own with <replacePackages>.");
    }
  }

  /**
   * With {@code java_multiple_files} each message and enum is a top-level class; otherwise they nest in
   * the file's outer class, as protobuf-java lays them out.
   */
  private static List<TypeSpec> topLevelTypes(FileInfo file) throws GeneratorException {
    List<TypeSpec> types = new ArrayList<>();
    boolean nested = !file.multipleFiles;
    for (EnumInfo e : file.enums) {
      types.add(new EnumGenerator(e).generate());
    }
    for (MessageInfo m : file.messages) {
      types.add(new MessageGenerator(m).generate(nested));
    }
    if (file.multipleFiles) {
      return types;
    }
    TypeSpec outer = TypeSpec.classBuilder(file.outerClassName)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Messages and enums of {@code $L}.\n", file.protoPath)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addTypes(types)
        .build();
    return List.of(outer);
  }

  private static GeneratedFile toFile(FileInfo file, TypeSpec type) {
    JavaFile javaFile = JavaFile.builder(file.javaPackage, type)
        .addFileComment("Generated by protodec from $L. Do not edit!", file.protoPath)
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
    String dir = file.javaPackage.isEmpty() ? "" : file.javaPackage.replace('.', '/') + "/";
    return new GeneratedFile(dir + type.name() + ".java", javaFile.toString());
  }
}

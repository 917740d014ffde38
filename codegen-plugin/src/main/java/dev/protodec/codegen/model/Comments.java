package dev.protodec.codegen.model;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The comments of a {@code .proto} file, looked up by descriptor path, for the generated Javadoc. */
final class Comments {
  private final Map<List<Integer>, String> byPath = new HashMap<>();

  Comments(FileDescriptorProto file) {
    for (Location location : file.getSourceCodeInfo().getLocationList()) {
      String text = location.getLeadingComments();
      if (text.isBlank()) {
        text = location.getTrailingComments();
      }
      if (!text.isBlank()) {
        byPath.put(location.getPathList(), text.strip());
      }
    }
  }

  /** The comment at {@code path}, or the empty string. */
  String forPath(List<Integer> path) {
    return byPath.getOrDefault(path, "");
  }

  static List<Integer> child(List<Integer> parent, int fieldNumber, int index) {
    List<Integer> path = new ArrayList<>(parent);
    path.add(fieldNumber);
    path.add(index);
    return path;
  }
}

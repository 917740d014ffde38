package dev.protodec.benchmark.harness;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The messages one type is measured on, and where they came from (said in the report).
 *
 * @param messages the encoded messages, in corpus order
 * @param offsets each message's byte offset in its file (0 for a folder's files)
 * @param sources each message's file
 * @param origin one line for the report: the file or folder, or the generator and its seed
 */
public record Corpus(List<byte[]> messages, List<Long> offsets, List<Path> sources, String origin) {

  public Corpus {
    messages = List.copyOf(messages);
    offsets = List.copyOf(offsets);
    sources = List.copyOf(sources);
  }

  /** A file of length-delimited messages ({@code writeDelimitedTo}), or a folder of one message per file. */
  public static Corpus read(Path path) throws CorpusException {
    if (Files.isDirectory(path)) {
      return readFolder(path);
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new CorpusException("cannot read the corpus " + path.toAbsolutePath()
          + ": not a readable file or folder (give a file of length-delimited messages, as writeDelimitedTo"
          + " writes them, or a folder of one binary message per file)");
    }
    return readDelimited(path);
  }

  /** Messages each preceded by its length as a varint. */
  public static Corpus readDelimited(Path file) throws CorpusException {
    byte[] bytes = readAll(file);
    List<byte[]> messages = new ArrayList<>();
    List<Long> offsets = new ArrayList<>();
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    int start = 0;
    try {
      while (!in.isAtEnd()) {
        start = in.getTotalBytesRead();
        int length = in.readRawVarint32();
        if (length < 0 || length > bytes.length - in.getTotalBytesRead()) {
          throw new CorpusException("corpus " + file + ": message " + messages.size() + " at offset " + start
              + " declares " + length + " bytes, but only " + (bytes.length - in.getTotalBytesRead())
              + " follow; is this a file of length-delimited messages (writeDelimitedTo)?");
        }
        offsets.add((long) start);
        messages.add(in.readRawBytes(length));
      }
    } catch (IOException e) {
      // the offset where the cut-off prefix starts, not where reading it stopped
      throw new CorpusException("corpus " + file + ": message " + messages.size() + " at offset " + start
          + ": the length prefix is cut off or malformed (" + e.getMessage() + ")", e);
    }
    if (messages.isEmpty()) {
      throw new CorpusException("corpus " + file + " holds no message");
    }
    List<Path> sources = messages.stream().map(m -> file).toList();
    return new Corpus(messages, offsets, sources, "file " + file.toAbsolutePath() + ", " + messages.size()
        + " length-delimited messages");
  }

  /** One message per regular file, in file-name order. */
  public static Corpus readFolder(Path folder) throws CorpusException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new CorpusException("cannot list the corpus folder " + folder.toAbsolutePath() + ": " + e, e);
    }
    if (files.isEmpty()) {
      throw new CorpusException("the corpus folder " + folder.toAbsolutePath() + " holds no file");
    }
    List<byte[]> messages = new ArrayList<>();
    for (Path file : files) {
      messages.add(readAll(file));
    }
    return new Corpus(messages, files.stream().map(f -> 0L).toList(), files,
        "folder " + folder.toAbsolutePath() + ", " + messages.size() + " messages, one per file");
  }

  /** Made by {@link MessageFiller} with the given settings. */
  public static Corpus generated(Descriptor type, MessageFiller.Settings settings) {
    List<byte[]> messages = new MessageFiller(settings).fill(type);
    return new Corpus(messages, messages.stream().map(m -> 0L).toList(), messages.stream().map(m -> Path.of("")).toList(),
        "generated from the schema (no corpus given): " + settings);
  }

  /**
   * Parses every message as {@code type} with protobuf-java, so that bytes of another type fail here,
   * naming the message, rather than as a disagreement later.
   */
  public void requireParsesAs(Descriptor type) throws CorpusException {
    for (int i = 0; i < messages.size(); i++) {
      try {
        DynamicMessage message = DynamicMessage.parseFrom(type, messages.get(i));
        if (!message.isInitialized()) {
          throw new CorpusException(where(i) + " does not parse as " + type.getFullName()
              + ": required fields missing: " + message.findInitializationErrors());
        }
      } catch (InvalidProtocolBufferException e) {
        throw new CorpusException(where(i) + " does not parse as " + type.getFullName() + ": " + e.getMessage(), e);
      }
    }
  }

  /** "corpus message 3 (byte offset 120 of /x/corpus.bin)". */
  public String where(int index) {
    String at = origin.startsWith("file") ? "byte offset " + offsets.get(index) + " of " + sources.get(index)
        : origin.startsWith("folder") ? "file " + sources.get(index) : "generated";
    return "corpus message " + index + " (" + at + ")";
  }

  /** Writes the messages length-delimited, the form the benchmark forks read. */
  public void writeDelimited(OutputStream out) throws IOException {
    for (byte[] message : messages) {
      com.google.protobuf.CodedOutputStream header = com.google.protobuf.CodedOutputStream.newInstance(out, 8);
      header.writeUInt32NoTag(message.length);
      header.flush();
      out.write(message);
    }
  }

  /** The messages of a length-delimited file this class wrote. */
  public static byte[][] prepared(Path file) {
    try {
      return readDelimited(file).messages().toArray(byte[][]::new);
    } catch (CorpusException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static byte[] readAll(Path file) throws CorpusException {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CorpusException("cannot read the corpus " + file.toAbsolutePath() + ": " + e, e);
    }
  }

  /** For tests: a delimited corpus in memory. */
  static byte[] delimited(List<byte[]> messages) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new Corpus(messages, messages.stream().map(m -> 0L).toList(), messages.stream().map(m -> Path.of("")).toList(), "")
        .writeDelimited(out);
    return out.toByteArray();
  }
}

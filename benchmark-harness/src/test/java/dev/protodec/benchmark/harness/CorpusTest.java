package dev.protodec.benchmark.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DynamicMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
  @TempDir Path dir;

  private static DynamicMessage leaf(String name, int weight) {
    return DynamicMessage.newBuilder(TestSchema.LEAF)
        .setField(TestSchema.LEAF.findFieldByName("name"), name)
        .setField(TestSchema.LEAF.findFieldByName("weight"), weight)
        .build();
  }

  /** Three messages as writeDelimitedTo writes them; their offsets are 0, 1 + |m0|, 2 + |m0| + |m1|. */
  private List<DynamicMessage> threeLeaves() {
    return List.of(leaf("a", 1), leaf("a much longer name than the first", 2), leaf("c", 300));
  }

  private Path delimitedFile(List<DynamicMessage> messages) throws IOException {
    Path file = dir.resolve("corpus.delimited");
    try (OutputStream out = Files.newOutputStream(file)) {
      for (DynamicMessage message : messages) {
        message.writeDelimitedTo(out);
      }
    }
    return file;
  }

  @Test
  void readsAFileOfLengthDelimitedMessagesWithTheirOffsets() throws Exception {
    List<DynamicMessage> written = threeLeaves();
    Path file = delimitedFile(written);

    Corpus corpus = Corpus.read(file);

    assertEquals(3, corpus.messages().size());
    long offset = 0;
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(written.get(i).toByteArray(), corpus.messages().get(i));
      assertEquals(offset, corpus.offsets().get(i));
      assertEquals(file, corpus.sources().get(i));
      offset += 1 + written.get(i).getSerializedSize(); // one-byte length prefixes here
    }
    assertTrue(corpus.origin().startsWith("file " + file.toAbsolutePath()), corpus.origin());
    assertTrue(corpus.origin().endsWith("3 length-delimited messages"), corpus.origin());
    assertEquals("corpus message 2 (byte offset " + corpus.offsets().get(2) + " of " + file + ")", corpus.where(2));
    corpus.requireParsesAs(TestSchema.LEAF);
  }

  @Test
  void readsAFolderOfOneMessagePerFileInFileNameOrder() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("messages"));
    Files.write(folder.resolve("b.bin"), leaf("second", 2).toByteArray());
    Files.write(folder.resolve("a.bin"), leaf("first", 1).toByteArray());
    Files.write(folder.resolve("c.bin"), leaf("third", 3).toByteArray());
    Files.createDirectory(folder.resolve("a-subfolder-is-not-a-message"));

    Corpus corpus = Corpus.read(folder);

    assertEquals(3, corpus.messages().size());
    assertArrayEquals(leaf("first", 1).toByteArray(), corpus.messages().get(0));
    assertArrayEquals(leaf("second", 2).toByteArray(), corpus.messages().get(1));
    assertArrayEquals(leaf("third", 3).toByteArray(), corpus.messages().get(2));
    assertEquals(List.of(folder.resolve("a.bin"), folder.resolve("b.bin"), folder.resolve("c.bin")), corpus.sources());
    assertTrue(corpus.origin().startsWith("folder " + folder.toAbsolutePath()), corpus.origin());
    assertTrue(corpus.origin().endsWith("3 messages, one per file"), corpus.origin());
    assertEquals("corpus message 1 (file " + folder.resolve("b.bin") + ")", corpus.where(1));
    corpus.requireParsesAs(TestSchema.LEAF);
  }

  @Test
  void aLengthThatRunsPastTheEndNamesTheMessageAndItsOffset() throws Exception {
    Path file = delimitedFile(threeLeaves());
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 2)); // the last message loses two bytes
    long lastOffset = bytes.length - 1 - leaf("c", 300).getSerializedSize();

    CorpusException e = assertThrows(CorpusException.class, () -> Corpus.read(file));

    int lastLength = leaf("c", 300).getSerializedSize();
    assertEquals("corpus " + file + ": message 2 at offset " + lastOffset + " declares " + lastLength
        + " bytes, but only " + (lastLength - 2) + " follow; is this a file of length-delimited messages"
        + " (writeDelimitedTo)?", e.getMessage());
  }

  @Test
  void aCutOffLengthPrefixNamesTheMessageAndTheOffsetWhereThePrefixStarts() throws Exception {
    Path file = delimitedFile(threeLeaves());
    int end = (int) Files.size(file);
    // a fourth message whose two-byte varint length (0x80 0x01 = 128) lost its second byte
    Files.write(file, new byte[] {(byte) 0x80}, java.nio.file.StandardOpenOption.APPEND);

    CorpusException e = assertThrows(CorpusException.class, () -> Corpus.read(file));

    assertTrue(e.getMessage().startsWith("corpus " + file + ": message 3 at offset " + end
        + ": the length prefix is cut off or malformed ("), e.getMessage());
  }

  @Test
  void garbageThatIsNotLengthDelimitedSaysSo() throws Exception {
    Path file = dir.resolve("orders.json");
    Files.writeString(file, "{\"id\": \"A-1\", \"total\": 12}\n");

    CorpusException e = assertThrows(CorpusException.class, () -> Corpus.read(file));

    // '{' is 123: a length far past the 26 bytes that follow it
    assertEquals("corpus " + file + ": message 0 at offset 0 declares 123 bytes, but only 26 follow;"
        + " is this a file of length-delimited messages (writeDelimitedTo)?", e.getMessage());
  }

  @Test
  void bytesThatDoNotParseAsTheTypeNameTheMessageItsOffsetAndWhy() throws Exception {
    List<byte[]> messages = new ArrayList<>();
    messages.add(leaf("fine", 1).toByteArray());
    messages.add(leaf("also fine", 2).toByteArray());
    // Leaf.name is a proto3 string: bytes that are not UTF-8, as when a bytes field of another type lands there
    messages.add(new byte[] {0x0a, 0x02, (byte) 0xc3, 0x28});
    // field 1 with wire type 7, which does not exist
    messages.add(new byte[] {0x0f});
    Path file = dir.resolve("mixed.delimited");
    Files.write(file, Corpus.delimited(messages));
    long offset2 = 1 + messages.get(0).length + 1 + messages.get(1).length;

    Corpus corpus = Corpus.read(file);
    CorpusException utf8 = assertThrows(CorpusException.class, () -> corpus.requireParsesAs(TestSchema.LEAF));
    assertTrue(utf8.getMessage().startsWith("corpus message 2 (byte offset " + offset2 + " of " + file
        + ") does not parse as test.harness.Leaf: "), utf8.getMessage());
    assertTrue(utf8.getMessage().contains("invalid UTF-8"), utf8.getMessage());

    Corpus wireType = new Corpus(messages.subList(3, 4), List.of(0L), List.of(file), "file " + file);
    CorpusException tag = assertThrows(CorpusException.class, () -> wireType.requireParsesAs(TestSchema.LEAF));
    assertTrue(tag.getMessage().startsWith("corpus message 0 (byte offset 0 of " + file
        + ") does not parse as test.harness.Leaf: "), tag.getMessage());
    assertTrue(tag.getMessage().contains("invalid wire type"), tag.getMessage());
  }

  @Test
  void aFolderFileThatDoesNotParseIsNamed() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("messages"));
    Files.write(folder.resolve("1.bin"), leaf("fine", 1).toByteArray());
    Files.write(folder.resolve("2.bin"), new byte[] {0x0a, 0x10, 'a'}); // a 16-byte string with 1 byte

    Corpus corpus = Corpus.read(folder);
    CorpusException e = assertThrows(CorpusException.class, () -> corpus.requireParsesAs(TestSchema.LEAF));

    assertTrue(e.getMessage().startsWith("corpus message 1 (file " + folder.resolve("2.bin")
        + ") does not parse as test.harness.Leaf: "), e.getMessage());
    assertTrue(e.getMessage().contains("input ended unexpectedly"), e.getMessage());
  }

  @Test
  void aMissingPathSaysWhatACorpusIs() {
    Path missing = dir.resolve("no-such-corpus.delimited");

    CorpusException e = assertThrows(CorpusException.class, () -> Corpus.read(missing));

    assertEquals("cannot read the corpus " + missing.toAbsolutePath() + ": not a readable file or folder (give a"
        + " file of length-delimited messages, as writeDelimitedTo writes them, or a folder of one binary message"
        + " per file)", e.getMessage());
  }

  @Test
  void anEmptyFileOrFolderIsRefused() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.delimited"));
    Path folder = Files.createDirectory(dir.resolve("nothing"));

    assertEquals("corpus " + empty + " holds no message",
        assertThrows(CorpusException.class, () -> Corpus.read(empty)).getMessage());
    assertEquals("the corpus folder " + folder.toAbsolutePath() + " holds no file",
        assertThrows(CorpusException.class, () -> Corpus.read(folder)).getMessage());
  }

  @Test
  void writeDelimitedIsWhatParseDelimitedFromReads() throws Exception {
    Corpus corpus = Corpus.read(delimitedFile(threeLeaves()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    corpus.writeDelimited(out);

    var in = new java.io.ByteArrayInputStream(out.toByteArray());
    for (DynamicMessage expected : threeLeaves()) {
      DynamicMessage.Builder read = DynamicMessage.newBuilder(TestSchema.LEAF);
      assertTrue(read.mergeDelimitedFrom(in));
      assertEquals(expected, read.build());
    }
    assertEquals(-1, in.read());
  }
}

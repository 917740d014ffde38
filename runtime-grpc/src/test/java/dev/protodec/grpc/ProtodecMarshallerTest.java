package dev.protodec.grpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.protodec.wkt.Struct;
import dev.protodec.wkt.Timestamp;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ProtodecMarshallerTest {
  private final ProtodecMarshaller<Timestamp> marshaller = ProtodecMarshaller.of(Timestamp::newInstance);
  private final Timestamp value = Timestamp.newInstance().setSeconds(1_764_633_600L).setNanos(123_456_789);

  @Test
  void streamsAKnownLengthDrainableEncoding() throws Exception {
    InputStream stream = marshaller.stream(value);

    assertTrue(stream instanceof KnownLength && stream instanceof Drainable);
    assertEquals(value.getSerializedSize(), stream.available());
    ByteArrayOutputStream drained = new ByteArrayOutputStream();
    assertEquals(value.getSerializedSize(), ((Drainable) stream).drainTo(drained));
    assertArrayEquals(value.toByteArray(), drained.toByteArray());
    assertEquals(-1, stream.read());
  }

  @Test
  void parsesKnownLengthAndPlainStreams() {
    assertEquals(value, marshaller.parse(marshaller.stream(value)));
    assertEquals(value, marshaller.parse(new ByteArrayInputStream(value.toByteArray())));
  }

  @Test
  void aKnownLengthStreamThatUnderstatesItsLengthIsStillReadWhole() {
    byte[] bytes = value.toByteArray();
    class Understating extends FilterInputStream implements KnownLength {
      Understating() {
        super(new ByteArrayInputStream(bytes));
      }

      @Override
      public int available() {
        return 2;
      }
    }
    assertEquals(value, marshaller.parse(new Understating()));
  }

  @Test
  void bytesThatAreNotTheMessageFailTheCallWithInternal() {
    ProtodecMarshaller<Struct> structs = ProtodecMarshaller.of(Struct::newInstance);
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> structs.parse(new ByteArrayInputStream(new byte[] {0x0a, 0x05, 0x01})));
    assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().startsWith("invalid google.protobuf.Struct"),
        e.getStatus().getDescription());
  }
}

package com.example.greet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GreeterTest {
  private Server server;
  private ManagedChannel channel;

  /** Serves every method but Unused, which the generated base class answers UNIMPLEMENTED. */
  static final class Greeter extends GreeterGrpc.GreeterImplBase {
    @Override
    public void sayHello(HelloRequest request, StreamObserver<HelloReply> replies) {
      replies.onNext(HelloReply.newInstance().setMessage("hello " + request.getName()));
      replies.onCompleted();
    }

    @Override
    public void sayHelloRepeatedly(HelloRequest request, StreamObserver<HelloReply> replies) {
      for (int i = 0; i < request.getCount(); i++) {
        replies.onNext(HelloReply.newInstance().setMessage("hello " + request.getName() + " #" + i));
      }
      replies.onCompleted();
    }

    @Override
    public StreamObserver<HelloRequest> greetAll(StreamObserver<HelloReply> replies) {
      List<String> names = new ArrayList<>();
      return new StreamObserver<>() {
        @Override public void onNext(HelloRequest request) { names.add(request.getName()); }
        @Override public void onError(Throwable t) { }
        @Override public void onCompleted() {
          replies.onNext(HelloReply.newInstance().setMessage("hello " + String.join(", ", names)));
          replies.onCompleted();
        }
      };
    }

    @Override
    public StreamObserver<HelloRequest> chat(StreamObserver<HelloReply> replies) {
      return new StreamObserver<>() {
        @Override public void onNext(HelloRequest request) {
          replies.onNext(HelloReply.newInstance().setMessage("hi " + request.getName()));
        }
        @Override public void onError(Throwable t) { }
        @Override public void onCompleted() { replies.onCompleted(); }
      };
    }
  }

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor().addService(new Greeter()).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void unaryCallGoesThroughProtodecMarshallers() {
    HelloReply reply = GreeterGrpc.newBlockingStub(channel)
        .sayHello(HelloRequest.newInstance().setName("Ada"));
    assertEquals("hello Ada", reply.getMessage());
    assertEquals("example.greet.Greeter", GreeterGrpc.SERVICE_NAME);
    assertEquals("example.greet.Greeter/SayHello", GreeterGrpc.getSayHelloMethod().getFullMethodName());
  }

  @Test
  void serverStreamingCallYieldsEveryReply() {
    Iterator<HelloReply> replies = GreeterGrpc.newBlockingStub(channel)
        .sayHelloRepeatedly(HelloRequest.newInstance().setName("Bo").setCount(3));
    List<String> messages = new ArrayList<>();
    replies.forEachRemaining(reply -> messages.add(reply.getMessage()));
    assertEquals(List.of("hello Bo #0", "hello Bo #1", "hello Bo #2"), messages);
  }

  @Test
  void clientAndBidiStreamingCallsWorkThroughTheAsyncStub() throws Exception {
    Collector all = new Collector();
    StreamObserver<HelloRequest> requests = GreeterGrpc.newStub(channel).greetAll(all);
    requests.onNext(HelloRequest.newInstance().setName("a"));
    requests.onNext(HelloRequest.newInstance().setName("b"));
    requests.onCompleted();
    assertEquals(List.of("hello a, b"), all.done.get(5, TimeUnit.SECONDS));

    Collector chat = new Collector();
    StreamObserver<HelloRequest> lines = GreeterGrpc.newStub(channel).chat(chat);
    lines.onNext(HelloRequest.newInstance().setName("x"));
    lines.onNext(HelloRequest.newInstance().setName("y"));
    lines.onCompleted();
    assertEquals(List.of("hi x", "hi y"), chat.done.get(5, TimeUnit.SECONDS));
  }

  @Test
  void methodTheServerDoesNotOverrideIsUnimplemented() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> GreeterGrpc.newBlockingStub(channel).unused(HelloRequest.newInstance()));
    assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
  }

  private static final class Collector implements StreamObserver<HelloReply> {
    final List<String> messages = new ArrayList<>();
    final CompletableFuture<List<String>> done = new CompletableFuture<>();

    @Override public void onNext(HelloReply reply) { messages.add(reply.getMessage()); }
    @Override public void onError(Throwable t) { done.completeExceptionally(t); }
    @Override public void onCompleted() { done.complete(messages); }
  }
}

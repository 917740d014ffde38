// The service class was generated beside the messages, compiled, and its test ran and passed.
def generated = new File(basedir, 'target/generated-sources/protodec/com/example/greet')
def grpc = new File(generated, 'GreeterGrpc.java')
assert grpc.isFile() : "no ${grpc}"
def source = grpc.text
assert source.contains('public abstract static class GreeterImplBase implements BindableService')
assert source.contains('ProtodecMarshaller.of(HelloRequest::newInstance)')
assert !source.contains('com.google.protobuf') : 'the service class must not need protobuf-java'
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.greet.GreeterTest.xml')
assert report.isFile() : 'GreeterTest did not run'
assert report.text.contains('tests="4"') && report.text.contains('failures="0"') && report.text.contains('errors="0"')

// Imports resolve from dependency jars; replacePackages moves generated and referenced classes;
// generateImports gives the imported files protodec classes, so the project compiles.
def target = new File(basedir, 'target')
def generated = new File(target, 'generated-sources/protodec')

def event = new File(generated, 'com/example/telemetry/fast/Event.java')
assert event.isFile() : "missing ${event}"
assert new File(generated, 'com/example/telemetry/fast/Severity.java').isFile()
assert !new File(generated, 'com/example/telemetry/Event.java').exists() : 'package was not replaced'

def source = event.text
assert source.contains('com.example.otel.fast.common.v1.KeyValue') : 'imported otel type is not in its replaced package'
assert source.contains('com.example.wkt.Timestamp')

// the imported files were generated too, in their replaced packages, and everything compiled
assert new File(generated, 'com/example/otel/fast/common/v1/KeyValue.java').isFile()
assert new File(generated, 'com/example/wkt/Timestamp.java').isFile()
assert new File(target, 'classes/com/example/telemetry/fast/Event.class').isFile()
assert new File(target, 'classes/com/example/otel/fast/common/v1/KeyValue.class').isFile()

// where the imports came from
def imports = new File(target, 'protodec/imports')
assert new File(imports, 'io.opentelemetry.proto/opentelemetry-proto/opentelemetry/proto/common/v1/common.proto').isFile()
assert new File(imports, 'com.google.protobuf/protobuf-java/google/protobuf/timestamp.proto').isFile()

assert !new File(basedir, 'build.log').text.contains('[WARNING] protoc:')

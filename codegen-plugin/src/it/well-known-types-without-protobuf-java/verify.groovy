// The imports resolved from the plugin's own copy of the well-known types, and the generated code
// refers to protodec-runtime's classes for them, never to protobuf-java's; it compiled.
def target = new File(basedir, 'target')

def tick = new File(target, 'generated-sources/protodec/com/example/clock/Tick.java')
assert tick.isFile()
def source = tick.text
['Timestamp', 'Duration', 'Any', 'Struct', 'Value', 'Int64Value', 'StringValue', 'Empty', 'FieldMask',
 'NullValue'].each { assert source.contains("dev.protodec.wkt.${it}") : "Tick.java does not use dev.protodec.wkt.${it}" }
assert !source.contains('com.google.protobuf') : 'Tick.java refers to protobuf-java'
assert new File(target, 'classes/com/example/clock/Tick.class').isFile()
// the well-known types come from the runtime jar, so none is generated here
assert !new File(target, 'generated-sources/protodec/com/google').exists()
assert !new File(target, 'generated-sources/protodec/dev').exists()

assert new File(target, 'protodec/well-known-types/google/protobuf/timestamp.proto').isFile()
assert !new File(target, 'protodec/imports').exists() : 'this project has no dependency jars to import from'

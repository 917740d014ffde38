// The imports resolved from the plugin's own copy of the well-known types, not from a dependency.
def target = new File(basedir, 'target')

def tick = new File(target, 'generated-sources/protodec/com/example/clock/Tick.java')
assert tick.isFile()
assert tick.text.contains('com.google.protobuf.Duration')

assert new File(target, 'protodec/well-known-types/google/protobuf/timestamp.proto').isFile()
assert !new File(target, 'protodec/imports').exists() : 'this project has no dependency jars to import from'

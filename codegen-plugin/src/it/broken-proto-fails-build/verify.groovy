// protoc's line "file:line:column: message" reaches the build log with the file's real path.
def log = new File(basedir, 'build.log').text
def proto = new File(basedir, 'src/main/proto/com/example/broken.proto').toPath().toAbsolutePath().normalize().toString()

assert log.contains('protoc failed with exit code 1')
assert log.contains(proto + ':7:3: Expected ";".') : "no error line for ${proto}:7:3 in build.log"
assert !new File(basedir, 'target/protodec/generate.fingerprint').exists()
assert !new File(basedir, 'target/generated-sources/protodec').exists()

// The well-known types' .proto files, from the protobuf-java jar in the local repository, become this
// project's proto sources (target/wkt-protos), so the IT needs no plugin beyond the one under test.
import java.util.zip.ZipFile

def files = ['any', 'api', 'duration', 'empty', 'field_mask', 'source_context', 'struct', 'timestamp',
             'type', 'wrappers'].collect { "google/protobuf/${it}.proto" }
def jar = new File(localRepositoryPath,
    "com/google/protobuf/protobuf-java/${protobufVersion}/protobuf-java-${protobufVersion}.jar")
assert jar.isFile() : "no protobuf-java jar at ${jar}"
def out = new File(basedir, 'target/wkt-protos')
new ZipFile(jar).withCloseable { zip ->
  files.each { name ->
    def entry = zip.getEntry(name)
    assert entry != null : "${jar} has no ${name}"
    def target = new File(out, name)
    target.parentFile.mkdirs()
    target.bytes = zip.getInputStream(entry).bytes
  }
}
return true

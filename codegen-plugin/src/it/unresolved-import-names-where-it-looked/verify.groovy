// An import found nowhere: protoc's "File not found" comes with every place that was searched.
def log = new File(basedir, 'build.log').text
def path = { String p -> new File(basedir, p).toPath().toAbsolutePath().normalize().toString() }

assert log.contains('com/example/common/money.proto: File not found.') : "protoc's own line is kept"
assert log.contains('import com/example/common/money.proto is in none of the places protoc looked, in this order:')
assert log.contains('source roots: ' + path('src/main/proto')) : 'the source root'
assert log.contains('importPaths: ' + path('shared')) : 'the import path'
assert log =~ /dependency jars with \.proto files: .*io\.opentelemetry\.proto:opentelemetry-proto \(/ : 'the jar with .proto files'
assert log =~ /dependency jars without \.proto files, not searched: .*dev\.protodec:protodec-runtime/ : 'the jar without'
assert log =~ /well-known types: google\/protobuf\/\{.*any\.proto.*timestamp\.proto.*\}/ : 'the well-known types'
assert log.contains('add the directory that holds it to <importPaths>') : 'what to do'
assert !new File(basedir, 'target/generated-sources/protodec').exists()

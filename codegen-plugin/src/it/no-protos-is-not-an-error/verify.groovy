// No sources: no protoc, no output directories, no warnings; the rest of the build goes on.
def target = new File(basedir, 'target')
def log = new File(basedir, 'build.log').text

assert new File(target, 'classes/com/example/Plain.class').isFile()
assert !new File(target, 'protodec').exists()
assert !new File(target, 'generated-sources/protodec').exists()
assert !new File(target, 'generated-test-sources/protodec').exists()
assert !(log =~ /\[WARNING\].*protodec/)

// protodec.skip: both goals say so and do nothing; no protoc, no output, no work directory.
def log = new File(basedir, 'build.log').text
def target = new File(basedir, 'target')

assert log.count('protodec: skipped (protodec.skip), nothing generated') == 2 : 'both goals should log the skip'
assert !log.contains('protodec: running ') : 'protoc ran although skipped'
assert !new File(target, 'protodec').exists()
assert !new File(target, 'generated-sources/protodec').exists()
assert !new File(target, 'generated-test-sources/protodec').exists()
assert !new File(target, 'classes/com/example/skipped/Note.class').exists()

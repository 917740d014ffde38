// Test protos become test sources and test classes; the descriptor set becomes a test resource.
def target = new File(basedir, 'target')
def descriptorName = 'META-INF/protodec/generate-test-goal-with-descriptor-set-test.desc'

assert new File(target, 'generated-test-sources/protodec/com/example/sample/SampleOuterClass.java').isFile()
assert !new File(target, 'generated-sources/protodec').exists() : 'test protos leaked into main sources'
assert new File(target, 'test-classes/com/example/sample/SampleOuterClass.class').isFile()
assert !new File(target, 'classes/com/example').exists()

def written = new File(target, 'generated-test-resources/protodec/' + descriptorName)
def packaged = new File(target, 'test-classes/' + descriptorName)
assert written.isFile()
assert packaged.isFile() : 'descriptor set was not added as a test resource'
assert packaged.bytes == written.bytes
// a FileDescriptorSet names its files in plain UTF-8: ours, with its comments (source info)
def text = new String(packaged.bytes, 'ISO-8859-1')
assert text.contains('com/example/sample/sample.proto')
assert text.contains('A message only the tests use.')
assert !new File(target, 'classes/META-INF/protodec').exists()

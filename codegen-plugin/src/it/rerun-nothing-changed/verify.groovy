// Both builds write to one build.log; with -X the plugin says at debug level what it did.
def log = new File(basedir, 'build.log').text
def target = new File(basedir, 'target')

int runs = log.count('protodec: running ')
int skips = log.count('protodec: up to date')
assert runs == 1 : "protoc ran ${runs} times, expected once"
assert skips == 1 : "the second build did not skip (${skips} skips)"

assert new File(target, 'protodec/generate.fingerprint').isFile()
def source = new File(target, 'generated-sources/protodec/com/example/greeting/Greeting.java')
assert source.isFile()

// compiled in the second build, from the directory registered although generation was skipped
assert new File(target, 'classes/com/example/greeting/Greeting.class').isFile()
